import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import { guardApi } from './access/api-guards.ts'
import { AuditLog } from './collections/AuditLog.ts'
import { AuthTokens } from './collections/AuthTokens.ts'
import { IdempotencyKeys } from './collections/IdempotencyKeys.ts'
import { Cercles } from './collections/Cercles.ts'
import { Organisations } from './collections/Organisations.ts'
import { Outbox } from './collections/Outbox.ts'
import { Regions } from './collections/Regions.ts'
import { Users } from './collections/Users/index.ts'
import { ConsultationComments } from './collections/ConsultationComments/index.ts'
import { Media } from './collections/Media.ts'
import { News } from './collections/News/index.ts'
import { Resources } from './collections/Resources/index.ts'
import { adminTranslations } from './admin/translations.ts'
import { adminComponents, portalAdmin } from './admin/config.ts'
import { Home } from './globals/Home.ts'
import { ActionItems } from './collections/ActionItems.ts'
import { Enrolments } from './collections/Enrolments/index.ts'
import { Participants } from './collections/Participants/index.ts'
import { Trainings } from './collections/Trainings/index.ts'
import { Certificates, ModuleProgress, QuizAttempts } from './collections/SelfTrainingRecords.ts'
import { Modules } from './collections/Modules/index.ts'
import { Videos } from './collections/Videos.ts'
import { Competencies } from './collections/Competencies.ts'
import { SupervisionVisits } from './collections/SupervisionVisits/index.ts'
import { Meetings } from './collections/Meetings/index.ts'
import { CapacityPlanItems } from './collections/CapacityPlanItems/index.ts'
import { ReportImages } from './collections/ReportImages.ts'
import { Letterhead } from './globals/Letterhead.ts'
import { SupportRequests, SupportScreenshots } from './collections/SupportRequests/index.ts'
import { Faq } from './collections/Faq.ts'
import { RateLimits } from './collections/RateLimits.ts'
import { SandboxCases, SandboxHistory, SandboxSettings, SandboxTransitions, SandboxWorkspaces } from './collections/Sandbox/index.ts'
import { env } from './config/env.ts'
import { databaseAdapter } from './db.ts'
import { outboxEmailAdapter } from './email/adapter.ts'
import { passwordResetTask } from './jobs/passwordReset.ts'
import { jobsReady } from './jobs/ready.ts'
import { everyJobOnce } from './jobs/once.ts'
import { sendEmailTask } from './jobs/sendEmail.ts'
import { dailyRoutineTask } from './jobs/daily.ts'
import { Dhis2Mappings } from './collections/Dhis2Mappings/index.ts'
import { Dhis2Sends } from './collections/Dhis2Sends.ts'
import { CaseAggregates } from './collections/CaseAggregates/index.ts'
import { CpimsMapping } from './globals/CpimsMapping.ts'
import { dhis2Endpoints } from './dhis2/endpoints.ts'
import { answerUnwritableDatabase } from './endpoints/errors.ts'
import { indicatorEndpoints } from './indicators/endpoints.ts'
import { reportEndpoints } from './reports/endpoints.ts'
import { MonthlyReports } from './collections/MonthlyReports/index.ts'
import { IndicatorSnapshots } from './collections/IndicatorSnapshots.ts'
import { can, type RoleHolder } from './rules/roles.ts'
import { MAX_DEPTH } from './rules/api-limits.ts'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// everyJobOnce: each job's work runs once whatever the number of portal processes polling the queue (cms/jobs/once.ts).
export default guardApi(buildConfig(everyJobOnce(portalAdmin({
  // No serverURL: the admin's requests and file URLs stay relative, so the portal works at whichever trusted
  // address it is opened (every loopback name in development); email links are built from PUBLIC_URL. Payload
  // honours the session cookie only on browser requests from these origins (CSRF).
  csrf: env.trustedOrigins,
  cors: env.trustedOrigins,
  secret: env.PAYLOAD_SECRET,
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' — Portail protection de l’enfant' },
    dateFormat: 'dd/MM/yyyy HH:mm',
    // No Gravatar: the admin makes no request outside the portal (and its CSP would refuse it).
    avatar: 'default',
    // The dashboard of each role, the menu cut to the job, the portal's mark (cms/admin/config.ts).
    components: adminComponents,
    // One theme, the one whose contrast is checked (cms/app/(payload)/custom.scss).
    theme: 'light',
  },
  i18n: { supportedLanguages: { fr, en }, fallbackLanguage: 'fr', translations: adminTranslations },
  // Content is French first; English translations are optional and the site says when one is missing.
  localization: { locales: [{ code: 'fr', label: 'Français' }, { code: 'en', label: 'English' }], defaultLocale: 'fr', fallback: true },
  collections: [Resources, News, Media, ConsultationComments, Modules, Videos, ModuleProgress, QuizAttempts, Certificates, Trainings, Participants, Enrolments, ActionItems, Users, Regions, Cercles, Organisations, AuditLog, Outbox, AuthTokens, IdempotencyKeys, Dhis2Mappings, Dhis2Sends, CaseAggregates, Competencies, SupervisionVisits, Meetings, CapacityPlanItems, ReportImages, SupportRequests, SupportScreenshots, Faq, RateLimits, SandboxWorkspaces, SandboxCases, SandboxTransitions, SandboxHistory, MonthlyReports, IndicatorSnapshots],
  globals: [Home, CpimsMapping, Letterhead, SandboxSettings],
  endpoints: [
    ...dhis2Endpoints,
    ...indicatorEndpoints,
    ...reportEndpoints,
  ],
  upload: { limits: { fileSize: 25 * 1024 * 1024 } },
  editor: lexicalEditor(),
  db: databaseAdapter(),
  email: outboxEmailAdapter,
  // GraphQL is not used by the portal: one less surface to secure.
  graphQL: { disable: true },
  hooks: { afterError: [answerUnwritableDatabase] },
  jobs: {
    tasks: [sendEmailTask, passwordResetTask, dailyRoutineTask],
    access: { run: ({ req }) => can(req.user, 'administer'), queue: ({ req }) => can(req.user, 'administer') },
    autoRun: [
      { cron: `*/${env.JOBS_INTERVAL_SECONDS} * * * * *`, queue: 'default', limit: 20 },
      // The daily routine (cms/jobs/daily.ts) is queued by its own schedule; this only runs it when due.
      { cron: '30 * * * * *', queue: 'daily', limit: 1 },
    ],
    shouldAutoRun: () => jobsReady(),
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, hidden: ({ user }) => !can(user as RoleHolder, 'administer'), group: { fr: 'Administration', en: 'Administration' } },
    }),
  },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
  telemetry: false,
  // Logged once per process; the browser tests count this line to prove the site and the admin share one instance.
  onInit: (payload) => payload.logger.info('Payload initialised'),
  // No read populates relationships deeper than this, whatever the request asks (REST and Local API): a deeper
  // `depth` multiplied the work per document and one request could freeze the process (see cms/rules/api-limits.ts).
  maxDepth: MAX_DEPTH,
}))))
