'use client'
import type { DefaultCellComponentProps } from 'payload'
import { isOverdue, type ActionItemStatus } from '../rules/action-items.ts'
import { formatDay, formatShare } from '../rules/display.ts'

// List cells that write computed values as people read them (cms/rules/display.ts).

/** A share stored as 0–1 (part of a video watched): "96 %". */
export function ShareCell({ cellData }: DefaultCellComponentProps) {
  return <span>{typeof cellData === 'number' ? formatShare(cellData) : ''}</span>
}

/** A score stored out of 100: "85 %". */
export function ScoreCell({ cellData }: DefaultCellComponentProps) {
  return <span>{typeof cellData === 'number' ? formatShare(cellData / 100) : ''}</span>
}

/** An action item's deadline as dd/mm/yyyy, marked when the item is late (cms/rules/action-items.ts). */
export function DeadlineCell({ cellData, rowData }: DefaultCellComponentProps) {
  const deadline = typeof cellData === 'string' ? cellData : null
  if (!deadline) return <span>—</span>
  const late = isOverdue({ status: rowData.status as ActionItemStatus, deadline }, new Date())
  return late ? <span className="portal-overdue">{formatDay(deadline)} — en retard</span> : <span>{formatDay(deadline)}</span>
}
