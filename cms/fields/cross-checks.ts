import type { TFieldProblem } from '../rules/supervision.ts'

/**
 * A check that spans several fields (an end after its start, a status that fits the date), run as part of each
 * concerned field's own validation rather than in a collection hook.
 *
 * Why: Payload runs a collection's `beforeChange` hooks before it validates the fields, so a hook that throws
 * for one problem hides every other invalid field; field validations are all collected and returned together,
 * each on its field, and the form shows them at once (docs/back-office.md, "Lists and forms").
 *
 * `problemsOf` receives the whole record as it will be saved (the stored document merged with the change) and
 * returns every problem with the path of its field; the field shows the problems of its own path, after the
 * field's own check (`base`: Payload's validation of its type — `date`, `select`… from 'payload/shared') has passed.
 */
export function checkedWith<TRecord, TValue, TOptions extends { data: unknown; path: (number | string)[] }>(
  problemsOf: (record: TRecord) => readonly TFieldProblem[],
  base: (value: TValue, options: TOptions) => Promise<string | true> | string | true,
): (value: TValue, options: TOptions) => Promise<string | true> {
  return async (value, options) => {
    const own = await base(value, options)
    if (own !== true) return own
    const path = options.path.join('.')
    const mine = problemsOf(options.data as TRecord).filter((problem) => problem.path === path)
    return mine.length > 0 ? mine.map((problem) => problem.message).join(' ') : true
  }
}
