// `npm start`: build when the sources changed, then serve (migrations and the idempotent seed run at start).
import { buildIfNeeded } from './build.ts'
import { runServer } from './index.ts'

buildIfNeeded()
await runServer()
