import type { Payload, PayloadRequest } from 'payload'
import type { Participant } from '../payload-types.ts'
import { probableDuplicates, type TPersonIdentity, type TProbableDuplicate } from '../rules/duplicates.ts'

/** What the duplicate check reads of each registry person: identity, contacts, and what decides who reaches them. */
export type TRegistryPerson = TPersonIdentity & Pick<Participant, 'fullName' | 'organisation' | 'trainers' | 'registeredBy'>

/**
 * The identities of the whole registry, read as the system (the check must see people the writer does not).
 * Matching happens in code (cms/rules/duplicates.ts): SQL's LIKE folds neither accents nor typing slips, so a
 * narrowing query would miss exactly the duplicates the check is for. A few fields per person keep it light.
 */
export async function registryIdentities(payload: Payload, req?: Partial<PayloadRequest>): Promise<TRegistryPerson[]> {
  const { docs } = await payload.find({
    collection: 'participants',
    select: { firstName: true, lastName: true, fullName: true, phone: true, email: true, organisation: true, trainers: true, registeredBy: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as TRegistryPerson[]
}

/** Probable duplicates of a candidate among registry people, with the people themselves, strongest first. */
export function matchesIn(registry: TRegistryPerson[], candidate: Parameters<typeof probableDuplicates>[1]): (TProbableDuplicate & { person: TRegistryPerson })[] {
  const byId = new Map(registry.map((p) => [String(p.id), p]))
  return probableDuplicates(registry, candidate).map((match) => ({ ...match, person: byId.get(String(match.id))! }))
}
