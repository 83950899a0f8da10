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
    // The rule reads the other fields' values: it runs once this field's own value is valid.
    if (own !== true) return own
    return reported(messagesAt(problemsOf(options.data as TRecord), options.path))
  }
}

/** Where a collection hook leaves the problems it found for the fields to report (see `deferProblems`). */
const deferredKey = (collection: string) => `deferredProblems:${collection}`

/**
 * Problems a collection hook can only find with the database (a probable duplicate in the registry, a person out of
 * the writer's scope, a date before the person's first training), handed to the fields instead of thrown, so that
 * they are reported with every other invalid field at once. Payload runs collection hooks before it validates the
 * fields, on the same request: the hook calls this on every save (an empty list clears what an earlier save of the
 * same request left), and each concerned field reports its own through `reportsDeferred`. A hook must still throw
 * for a problem no field reports, or the record would be saved with it.
 */
export function deferProblems(context: Record<string, unknown>, collection: string, problems: readonly TFieldProblem[]): void {
  context[deferredKey(collection)] = problems
}

/** A field validation that reports its own check (`base`) and the problems `deferProblems` left for its path. */
export function reportsDeferred<TValue, TOptions extends { path: (number | string)[]; req: { context: Record<string, unknown> } }>(
  collection: string,
  base: (value: TValue, options: TOptions) => Promise<string | true> | string | true,
): (value: TValue, options: TOptions) => Promise<string | true> {
  return async (value, options) => {
    const own = await base(value, options)
    // The hook's rule has already run on the record: its message says more than the generic one, so both show.
    const deferred = (options.req.context[deferredKey(collection)] as readonly TFieldProblem[] | undefined) ?? []
    return reported([...(own === true ? [] : [own]), ...messagesAt(deferred, options.path)])
  }
}

/** The messages of the problems found for this field's path. */
function messagesAt(problems: readonly TFieldProblem[], path: (number | string)[]): string[] {
  const joined = path.join('.')
  return problems.filter((problem) => problem.path === joined).map((problem) => problem.message)
}

/** A validation's answer: true, or the messages joined. */
function reported(messages: string[]): string | true {
  return messages.length > 0 ? messages.join(' ') : true
}
