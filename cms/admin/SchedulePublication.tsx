'use client'
import { useDocumentInfo, useServerFunctions } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'
import { formatDateTime } from '../rules/display.ts'
import { civilDay } from '../rules/periods.ts'
import { SCHEDULE_TIMES, scheduleInstant } from '../rules/publication.ts'

type TUpcoming = { id: number | string; input: { type?: 'publish' | 'unpublish' }; waitUntil: string }

/**
 * Scheduling the publication of a resource or news item in plain French: a day, a time on the 24-hour clock in
 * Bamako, what is already scheduled and a way to cancel it. It uses Payload's own scheduling (the jobs queue and
 * its server functions, which check the person may publish), whose drawer spoke of "Time" and "AM".
 */
export function SchedulePublication() {
  const { id, collectionSlug } = useDocumentInfo()
  const { getUpcomingScheduledPublish, schedulePublish } = useServerFunctions()
  const [upcoming, setUpcoming] = useState<TUpcoming[]>([])
  const [day, setDay] = useState('')
  const [time, setTime] = useState('08:00')
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (id === undefined || id === null || !collectionSlug) return
    setUpcoming((await getUpcomingScheduledPublish({ collectionSlug, id })) as TUpcoming[])
  }, [collectionSlug, getUpcomingScheduledPublish, id])
  useEffect(() => {
    load().catch((error: unknown) => setMessage({ kind: 'error', text: `Les publications programmées n’ont pas pu être lues : ${String(error)}` }))
  }, [load])

  if (id === undefined || id === null || !collectionSlug) {
    return <p className="field-description">Enregistrez d’abord le brouillon : sa publication pourra ensuite être programmée ici.</p>
  }

  const act = async (run: () => unknown, done: string) => {
    setBusy(true)
    try {
      const result = (await run()) as { error?: string } | undefined
      if (result?.error) setMessage({ kind: 'error', text: `Échec : ${result.error}` })
      else {
        await load()
        setMessage({ kind: 'ok', text: done })
      }
    } catch (error) {
      setMessage({ kind: 'error', text: `Échec : ${String(error)}` })
    } finally {
      setBusy(false)
    }
  }
  const schedule = () => {
    const checked = scheduleInstant(day, time, new Date())
    if (!checked.ok) return setMessage({ kind: 'error', text: checked.message })
    void act(() => schedulePublish({ type: 'publish', date: checked.at, doc: { relationTo: collectionSlug, value: String(id) }, timezone: 'Africa/Bamako' }), `Publication programmée le ${formatDateTime(checked.at.toISOString())}.`)
  }

  return (
    <div className="field-type portal-schedule">
      <p className="portal-schedule__title">Publication programmée</p>
      {upcoming.length === 0 ? (
        <p className="field-description">Aucune pour l’instant.</p>
      ) : (
        <ul className="portal-schedule__list">
          {upcoming.map((event) => (
            <li key={event.id}>
              {event.input.type === 'unpublish' ? 'Retrait' : 'Publication'} le {formatDateTime(event.waitUntil)}{' '}
              <button type="button" className="portal-link-button" disabled={busy} onClick={() => void act(() => schedulePublish({ deleteID: event.id }), 'Programmation annulée.')}>
                Annuler
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor="portal-schedule-day">Jour</label>
      <input id="portal-schedule-day" type="date" min={civilDay(new Date())} value={day} onChange={(e) => setDay(e.target.value)} />
      <label htmlFor="portal-schedule-time">Heure (24 h, heure de Bamako)</label>
      <select id="portal-schedule-time" value={time} onChange={(e) => setTime(e.target.value)}>
        {SCHEDULE_TIMES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={schedule}>
        Programmer la publication
      </button>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'portal-schedule__error' : 'portal-schedule__ok'}>
          {message.text}
        </p>
      )}
    </div>
  )
}
