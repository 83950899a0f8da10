/** The id of a relationship value, populated (an object) or not (the id itself); null when empty. */
export function idOf(value: unknown): number | string | null {
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: number | string }).id
  return (value as number | string | null | undefined) ?? null
}

/** A text field of a populated relationship (an organisation's acronym, a region's name…), '' when not populated. */
export function relatedText(value: unknown, field: string): string {
  return value && typeof value === 'object' ? String((value as Record<string, unknown>)[field] ?? '') : ''
}
