import { z } from 'zod'

/** Default secret for local installs only; production refuses to start with it. */
export const DEV_SECRET = 'dev-secret-change-me-0123456789abcdef'
/** Demo password documented in the README; used only when DEMO_PASSWORD is unset. */
export const DEFAULT_DEMO_PASSWORD = 'Demo-Portail-2026!'

const ZBool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().default('file:data/portal.db'),
  PAYLOAD_SECRET: z.string().default(DEV_SECRET),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Portail protection de l’enfant <no-reply@portail-pe.ml>'),
  SEED_DEMO: ZBool.optional(),
  DEMO_PASSWORD: z.string().min(12).default(DEFAULT_DEMO_PASSWORD),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(60).default(2),
  // `false`: the clock never queues the daily routine (cms/jobs/daily.ts). The test suites set it, and run the
  // routine with the date they choose, so that no result depends on the hour at which they happen to run.
  DAILY_ROUTINE: ZBool.default(true),
  RATE_LIMIT_SIGNIN: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_EMAIL_LINKS: z.coerce.number().int().min(1).default(10),
  // DHIS2 server receiving the aggregate indicators (docs/indicators.md); without it the export is a file to download.
  DHIS2_URL: z.url({ error: 'DHIS2_URL : adresse du serveur DHIS2 attendue, par exemple https://dhis2.sante.gov.ml' }).optional(),
  DHIS2_USERNAME: z.string().optional(),
  DHIS2_PASSWORD: z.string().optional(),
  RATE_LIMIT_SUPPORT: z.coerce.number().int().min(1).default(5),
  // Number of reverse proxies in front of the portal; `true`/`false` are kept as 1/0 for existing deployments.
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .transform((v) => (v === 'true' ? 1 : 0))
    .or(z.coerce.number({ error: 'TRUST_PROXY: the number of reverse proxies in front of the portal (0, 1, 2…) or true (= 1)' }).int().min(0).max(10))
    .default(0),
})

/** The portal's settings, parsed from the environment once, with safe local defaults. */
export type TEnv = z.infer<typeof ZEnv> & {
  publicUrl: string
  seedDemo: boolean
  behindTls: boolean
  /**
   * Origins whose browser requests may use the session and write: PUBLIC_URL's, and outside production every
   * loopback name on PORT too (`localhost`, `127.0.0.1`, `[::1]`), so a newcomer's first day works at any of them.
   */
  trustedOrigins: string[]
}

/** The loopback names a local browser may use for the portal. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

/** Parses an environment; throws a message saying which variable is wrong and how to fix it. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = ZEnv.safeParse(cleaned)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment variables:\n${lines.join('\n')}\nFix them (see README, "Variables d'environnement").`)
  }
  const env = parsed.data
  const isProd = env.NODE_ENV === 'production'
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '')
  return {
    ...env,
    publicUrl,
    seedDemo: env.SEED_DEMO ?? !isProd,
    behindTls: publicUrl.startsWith('https://'),
    trustedOrigins: [...new Set([new URL(publicUrl).origin, ...(isProd ? [] : LOOPBACK_HOSTS.map((host) => `http://${host}:${env.PORT}`))])],
  }
}

/**
 * Refuses to serve in production with a missing, default or short PAYLOAD_SECRET. Checked when the portal
 * starts, not when modules load, so `next build` (which sets NODE_ENV=production) needs no secret.
 */
export function assertSafeForProduction(env: TEnv): void {
  if (env.NODE_ENV === 'production' && (env.PAYLOAD_SECRET === DEV_SECRET || env.PAYLOAD_SECRET.length < 32)) {
    throw new Error(
      'PAYLOAD_SECRET is missing, default or shorter than 32 characters while NODE_ENV=production. ' +
        'Set it to a long random value, e.g. `openssl rand -hex 32`.',
    )
  }
}

/** The current process's settings. */
export const env: TEnv = parseEnv(process.env)
