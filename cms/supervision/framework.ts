import type { Payload, PayloadRequest } from 'payload'
import { ZFramework, type TFramework } from '../rules/competency-framework.ts'

/** The framework version visits are rated against now: the newest record of `competencies`. */
export async function currentFramework(payload: Payload, req?: Partial<PayloadRequest>): Promise<TFramework | null> {
  const { docs } = await payload.find({ collection: 'competencies', sort: '-createdAt', limit: 1, depth: 0, overrideAccess: true, req })
  return docs[0] ? ZFramework.parse(docs[0].framework) : null
}

/** One framework version (the one a visit used), or null when no record has it. */
export async function frameworkVersion(payload: Payload, version: string, req?: Partial<PayloadRequest>): Promise<TFramework | null> {
  const { docs } = await payload.find({ collection: 'competencies', where: { version: { equals: version } }, limit: 1, depth: 0, overrideAccess: true, req })
  return docs[0] ? ZFramework.parse(docs[0].framework) : null
}
