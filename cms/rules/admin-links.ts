// Links into the back office's lists, already filtered: every figure of the dashboard opens the list behind it.
// The filter is written the way the list's own filter bar writes it (`where[or][0][and][i][field][operator]`), so
// the person sees the conditions in the filter bar and can change them.

/** A condition of a list filter: field path (`training.region` reaches into a relationship), operator, value. */
export type TCondition = readonly [field: string, operator: 'equals' | 'not_equals' | 'in' | 'not_in' | 'less_than' | 'less_than_equal' | 'greater_than' | 'greater_than_equal' | 'exists' | 'like', value: string | number | boolean | readonly (string | number)[]]

/** Where the back office is served. */
export const ADMIN_ROOT = '/admin'

/** The list of a collection with all the conditions applied (and), optionally sorted (`-deadline`). */
export function adminListHref(collection: string, conditions: readonly TCondition[] = [], sort?: string): string {
  const params: string[] = []
  conditions.forEach(([field, operator, value], i) => {
    const key = `where[or][0][and][${i}][${field}][${operator}]`
    if (Array.isArray(value)) value.forEach((v, j) => params.push(`${key}[${j}]=${encodeURIComponent(String(v))}`))
    else params.push(`${key}=${encodeURIComponent(String(value))}`)
  })
  if (sort) params.push(`sort=${encodeURIComponent(sort)}`)
  return `${ADMIN_ROOT}/collections/${encodeURIComponent(collection)}${params.length ? `?${params.join('&')}` : ''}`
}

/** The edit form of one record. */
export function adminDocHref(collection: string, id: number | string): string {
  return `${ADMIN_ROOT}/collections/${encodeURIComponent(collection)}/${encodeURIComponent(String(id))}`
}
