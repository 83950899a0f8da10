// `npm run dev`: one process with reload on both sides (Next dev for /admin, Astro dev for the site).
import { runServer } from './index.ts'

await runServer({ dev: true })
