import { z } from 'zod'
import { parsePeriodCode, periodCode, previousPeriod, periodOf } from '#cms/rules/periods.ts'

/** The DHIS2 page's form: a period by its DHIS2 code, and whether to try (dry run) or send. Messages are i18n keys. */
export const ZDhis2Form = z.object({
  period: z.string().trim().refine((code) => ['month', 'quarter', 'year'].includes(parsePeriodCode(code)?.type ?? ''), { error: 'dhis2.periodInvalid' }),
  action: z.enum(['essai', 'envoi'], { error: 'dhis2.actionInvalid' }),
})
export type TDhis2Form = z.infer<typeof ZDhis2Form>

/** The period offered first: last month, the one usually reported. */
export function defaultDhis2Period(now: Date): string {
  return periodCode(previousPeriod(periodOf('month', now)))
}
