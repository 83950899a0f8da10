// `npm run dev`: one process with reload on both sides (Next dev for /admin, Astro dev for the site).
import { startServer } from './index.ts'

await startServer({ dev: true })
