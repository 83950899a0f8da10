// `npm run backup`: one consistent snapshot of the database and the uploaded files into BACKUP_DIR (default
// data/backups/), safe while the portal runs (docs/operations.md).
import { getPayload } from 'payload'
import { backupPortal } from '../backup/run.ts'
import config from '../payload.config.ts'

const payload = await getPayload({ config })
try {
  const result = await backupPortal(payload)
  const counts = Object.entries(result.manifest.counts).filter(([, n]) => n > 0).map(([slug, n]) => `${slug} ${n}`).join(', ')
  console.log(`Sauvegarde écrite : ${result.file}\n${result.manifest.files.length} fichiers, enregistrements : ${counts}`)
  if (result.deleted.length > 0) console.log(`Anciennes sauvegardes supprimées (rétention 7 jours / 4 semaines / 12 mois) : ${result.deleted.join(', ')}`)
  process.exit(0)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
