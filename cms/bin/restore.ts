// `npm run restore -- <archive>`: restores a backup into an empty installation (DATABASE_URL, MEDIA_DIR), after
// checking the whole archive (signature with PAYLOAD_SECRET, SHA-256 of every file). A corrupted or tampered
// archive is refused before anything is written (docs/operations.md).
import path from 'node:path'
import { restoreBackup } from '../backup/archive.ts'
import { MEDIA_DIR } from '../collections/Media.ts'
import { env } from '../config/env.ts'
import { database } from '../db.ts'

const archive = process.argv[2]
if (!archive) {
  console.error('Usage : npm run restore -- <archive.tar.gz>   (dans une installation vide : DATABASE_URL et MEDIA_DIR sans données)')
  process.exit(1)
}
try {
  const manifest = await restoreBackup(path.resolve(archive), {
    database: database.kind === 'sqlite' ? { kind: 'sqlite', file: database.file } : { kind: 'mongodb', url: database.url },
    mediaDir: MEDIA_DIR,
    secret: env.PAYLOAD_SECRET,
  })
  const counts = Object.entries(manifest.counts).filter(([, n]) => n > 0).map(([slug, n]) => `${slug} ${n}`).join(', ')
  console.log(`Restauration terminée depuis la sauvegarde du ${manifest.createdAt} (${manifest.files.length} fichiers vérifiés).\nEnregistrements attendus : ${counts}\nDémarrez le portail : npm start`)
  process.exit(0)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
