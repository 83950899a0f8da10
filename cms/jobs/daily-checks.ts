import type { TDailyCheck } from './daily.ts'
import { supervisionCheck } from './supervision-checks.ts'
import { frameworkMeetingsCheck } from '../meetings/daily.ts'
import { dailyBackup } from '../backup/daily.ts'
import { dailySecurityChecks } from '../security/report.ts'
import { monthlyReportCheck } from '../reports/monthly-job.ts'

/**
 * Every check of the daily routine (cms/jobs/daily.ts), one line per capability. A check is a function of the
 * payload and `now` that sends its reminders or alerts when its own rule says today is the day.
 */
export const DAILY_CHECKS: readonly TDailyCheck[] = [
  supervisionCheck,
  frameworkMeetingsCheck,
  dailyBackup,
  dailySecurityChecks,
  monthlyReportCheck,
]
