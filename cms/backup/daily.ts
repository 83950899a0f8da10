import type { TDailyCheck } from '../jobs/daily.ts'
import { backupPortal } from './run.ts'

/** The daily backup (with retention) of the daily routine; a failure is retried at the next hourly run. */
export const dailyBackup: TDailyCheck = {
  name: 'backup',
  run: async (payload, now) => {
    const result = await backupPortal(payload, { now })
    payload.logger.info(`Sauvegarde quotidienne écrite : ${result.file} (${result.manifest.files.length} fichiers ; ${result.deleted.length} anciennes supprimées).`)
  },
}
