import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { z } from 'zod'
import type { Role } from '../rules/roles.ts'

const contentDir = path.resolve(process.cwd(), 'content/reference')

const ZRegion = z.object({ code: z.string().min(2), name: z.string().min(2), kind: z.enum(['district', 'region']), order: z.number().int() })
const ZCercles = z.record(z.string(), z.array(z.string().min(2)))
const ZOrganisation = z.object({
  acronym: z.string().min(2),
  name: z.string().min(2),
  kind: z.enum(['state', 'nationalNgo', 'internationalNgo', 'unAgency']),
  region: z.string().optional(),
})
/** Reference data shipped in content/reference, validated before anything is written. */
export type TReferenceData = { regions: z.infer<typeof ZRegion>[]; cercles: z.infer<typeof ZCercles>; organisations: z.infer<typeof ZOrganisation>[] }

/** Reads and validates the reference files; a bad file stops the seed with the file and field at fault. */
export function loadReferenceData(dir = contentDir): TReferenceData {
  const read = <T>(file: string, schema: z.ZodType<T>): T => {
    const parsed = schema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')))
    if (!parsed.success) throw new Error(`content/reference/${file} is invalid: ${z.prettifyError(parsed.error)}`)
    return parsed.data
  }
  return {
    regions: read('regions.json', z.array(ZRegion)),
    cercles: read('cercles.json', ZCercles),
    organisations: read('organisations.json', z.array(ZOrganisation)),
  }
}

/** The demo accounts, one per role (README, "Comptes de démonstration"). */
export const DEMO_ACCOUNTS: { email: string; name: string; roles: Role[]; organisation?: string; region?: string }[] = [
  { email: 'admin@example.org', name: 'Aminata Diallo (démo)', roles: ['admin'], organisation: 'DNPEF', region: 'BKO' },
  { email: 'coordination@example.org', name: 'Moussa Keïta (démo)', roles: ['coordinator'], organisation: 'DNPEF', region: 'BKO' },
  { email: 'formateur@example.org', name: 'Fatoumata Coulibaly (démo)', roles: ['trainer'], organisation: 'Tdh', region: 'MOP' },
  { email: 'superviseur@example.org', name: 'Ibrahim Traoré (démo)', roles: ['supervisor'], organisation: 'IRC', region: 'GAO' },
  { email: 'gestionnaire@example.org', name: 'Awa Sangaré (démo)', roles: ['caseManager'], organisation: 'SAMU SOCIAL Mali', region: 'KAY' },
  { email: 'apprenant@example.org', name: 'Oumar Cissé (démo)', roles: ['learner'], region: 'SIK' },
  { email: 'editeur@example.org', name: 'Mariam Touré (démo)', roles: ['editor'], organisation: 'DNPEF', region: 'BKO' },
]

/** Creates the document when no document matches `where`; never updates (admins may have edited it). */
async function ensure(payload: Payload, collection: 'regions' | 'cercles' | 'organisations' | 'users', where: Record<string, unknown>, data: Record<string, unknown>) {
  const { docs } = await payload.find({ collection, where: where as never, limit: 1, depth: 0, overrideAccess: true })
  if (docs[0]) return { id: docs[0].id, created: false }
  const doc = await payload.create({ collection, data: data as never, overrideAccess: true, disableVerificationEmail: true })
  return { id: doc.id, created: true }
}

/**
 * Idempotent seed: reference data always, demo accounts when asked. Records are matched on their natural key
 * (region code, cercle name + region, organisation acronym, email) so a second run changes nothing.
 */
export async function seed(payload: Payload, options: { demo: boolean; demoPassword: string }): Promise<{ created: number }> {
  const data = loadReferenceData()
  let created = 0
  const regionIds = new Map<string, number | string>()
  for (const region of data.regions) {
    const r = await ensure(payload, 'regions', { code: { equals: region.code } }, region)
    regionIds.set(region.code, r.id)
    created += Number(r.created)
  }
  for (const [code, names] of Object.entries(data.cercles)) {
    const region = regionIds.get(code)
    if (region === undefined) throw new Error(`content/reference/cercles.json names region "${code}", absent from regions.json.`)
    for (const name of names) created += Number((await ensure(payload, 'cercles', { name: { equals: name }, region: { equals: region } }, { name, region })).created)
  }
  const orgIds = new Map<string, number | string>()
  for (const org of data.organisations) {
    const r = await ensure(payload, 'organisations', { acronym: { equals: org.acronym } }, { ...org, region: org.region ? regionIds.get(org.region) : undefined })
    orgIds.set(org.acronym, r.id)
    created += Number(r.created)
  }
  if (options.demo) {
    for (const account of DEMO_ACCOUNTS) {
      const r = await ensure(payload, 'users', { email: { equals: account.email } }, {
        ...account,
        organisation: account.organisation ? orgIds.get(account.organisation) : undefined,
        region: account.region ? regionIds.get(account.region) : undefined,
        password: options.demoPassword,
        active: true,
        emailVerified: true,
        passwordExpiryExempt: true,
      })
      created += Number(r.created)
    }
  }
  return { created }
}
