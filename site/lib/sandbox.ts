import type { AstroGlobal } from 'astro'
import { PortalError } from '#cms/endpoints/errors.ts'
import type { User } from '#cms/payload-types.ts'
import { actingAs, caseOf, openWorkspace, type TCaseRecord, type TOpened } from '#cms/sandbox/service.ts'
import { canSeeCase, type TMember } from '#cms/rules/sandbox-workflow.ts'

// What every /bac-a-sable/<espace>/… page needs: the signed-in person, the workspace opened for them (another
// person's workspace is a 404, never a "forbidden" that would confirm it exists), and the account they act as —
// kept per workspace in a cookie, because in a personal workspace one learner plays every role in turn.

export const ACTOR_COOKIE = (workspace: number | string) => `bac_a_sable_${workspace}`

export type TSandboxPage = { user: User; opened: TOpened; actor: TMember | null; base: string }

/** Opens the workspace of the URL for the person, or null (the page answers 404). */
export async function sandboxPage(Astro: Pick<AstroGlobal, 'locals' | 'params' | 'cookies'>): Promise<TSandboxPage | null> {
  const { user, payload } = Astro.locals
  if (!user) return null
  const id = Number(Astro.params['ws'])
  if (!Number.isInteger(id) || id <= 0) return null
  try {
    const opened = await openWorkspace(payload, user, id)
    const chosen = Astro.cookies.get(ACTOR_COOKIE(id))?.value
    const actor = opened.actors.find((a) => a.id === chosen) ?? opened.actors[0] ?? null
    return { user, opened, actor, base: `/bac-a-sable/${id}` }
  } catch (error) {
    if (error instanceof PortalError && error.status === 404) return null
    throw error
  }
}

/**
 * The workspace and the case of the URL for the person, or null (404): the case page's access — a case manager
 * reaches the cases they own or that are shared with them, supervisors, the organisation administrator and the
 * trainer every case of the workspace. Used by the case page and by what it offers besides (its printed file, its
 * attachments, the offline save of a form).
 */
export async function sandboxCase(Astro: Pick<AstroGlobal, 'locals' | 'params' | 'cookies'>): Promise<{ page: TSandboxPage; record: TCaseRecord } | null> {
  const page = await sandboxPage(Astro)
  if (!page) return null
  const record = await caseOf(Astro.locals.payload, page.opened, String(Astro.params['caseId'])).catch((error: unknown) => {
    if (error instanceof PortalError && error.status === 404) return null
    throw error
  })
  if (!record || (page.actor && !canSeeCase(record.state, page.actor))) return null
  return { page, record }
}

/** The acting account, for an action (a trainer following a group workspace has none: the rule says so). */
export function actorOf(page: TSandboxPage): TMember {
  return actingAs(page.opened, page.actor?.id)
}

/** The French sentence of a refusal, or rethrows what is not a refusal. */
export function refusalOf(error: unknown): { message: string; fields: Record<string, string> } {
  if (!(error instanceof PortalError)) throw error
  return { message: error.message, fields: Object.fromEntries((error.fields ?? []).map((f) => [f.path, f.message])) }
}
