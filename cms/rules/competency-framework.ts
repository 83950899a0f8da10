// The competency framework that formative supervision visits rate against: domains → competencies → observable
// behaviours, for case managers and supervisors. It is data (content/competencies/framework.json), versioned; a
// visit keeps the version it used, so ratings stay readable after the framework changes. This file is the gate for
// that data: the seed and the back office validate through ZFramework, and a typo fails here, not in the field.
import { z } from 'zod'
import { FORM_CODES, STEPS } from './toolkit.ts'

/** Who a behaviour is observed in. */
export const FRAMEWORK_AUDIENCES = ['caseManager', 'supervisor'] as const
export type FrameworkAudience = (typeof FRAMEWORK_AUDIENCES)[number]

/** The four levels a supervisor rates an observed behaviour at. */
export const RATINGS = {
  notObserved: { fr: 'Non observé', en: 'Not observed' },
  toStrengthen: { fr: 'À renforcer', en: 'To strengthen' },
  acquired: { fr: 'Acquis', en: 'Acquired' },
  mastered: { fr: 'Maîtrisé', en: 'Mastered' },
} as const
export type Rating = keyof typeof RATINGS

/** A rating as a number for progress (first vs latest visit); "not observed" has no value. */
export const RATING_VALUE: Record<Rating, number | null> = { notObserved: null, toStrengthen: 1, acquired: 2, mastered: 3 }

const ZText = z.string().trim().min(1, 'texte vide')
const ZLabel = z.strictObject({ fr: ZText, en: ZText.optional() })
const ZId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'identifiant attendu en minuscules, chiffres et tirets')
const stepCodes = Object.keys(STEPS) as [string, ...string[]]
const formCodes = Object.keys(FORM_CODES) as [string, ...string[]]

/** One observable behaviour. */
export const ZBehaviour = z.strictObject({
  id: ZId,
  text: ZLabel,
  audiences: z.array(z.enum(FRAMEWORK_AUDIENCES)).min(1, 'au moins un public'),
  steps: z.array(z.enum(stepCodes, { message: 'étape inconnue' })),
  formCodes: z.array(z.enum(formCodes, { message: 'code de formulaire inconnu' })).optional(),
})
export type TBehaviour = z.infer<typeof ZBehaviour>

/** A competency and the behaviours that show it. */
export const ZCompetency = z.strictObject({ id: ZId, title: ZLabel, behaviours: z.array(ZBehaviour).min(1, 'au moins un comportement') })
export type TCompetency = z.infer<typeof ZCompetency>

/** A domain of the framework. */
export const ZDomain = z.strictObject({ id: ZId, title: ZLabel, competencies: z.array(ZCompetency).min(1, 'au moins une compétence') })

/** Minimum size of a framework worth rating against. */
export const FRAMEWORK_MINIMUM = { domains: 6, behaviours: 25 } as const

/** The whole framework, with its version; ids are unique across the framework. */
export const ZFramework = z
  .strictObject({
    version: z.string().regex(/^\d{4}\.\d+$/, 'version attendue sous la forme AAAA.N (ex. 2026.1)'),
    title: ZLabel,
    domains: z.array(ZDomain).min(FRAMEWORK_MINIMUM.domains, `au moins ${FRAMEWORK_MINIMUM.domains} domaines`),
  })
  .superRefine((framework, ctx) => {
    const seen = new Set<string>()
    for (const id of allIds(framework)) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `identifiant en double : « ${id} »` })
      seen.add(id)
    }
    const count = behavioursOf(framework).length
    if (count < FRAMEWORK_MINIMUM.behaviours) ctx.addIssue({ code: 'custom', message: `${count} comportements : il en faut au moins ${FRAMEWORK_MINIMUM.behaviours}` })
  })
export type TFramework = z.infer<typeof ZFramework>

function allIds(framework: Pick<TFramework, 'domains'>): string[] {
  return framework.domains.flatMap((d) => [d.id, ...d.competencies.flatMap((c) => [c.id, ...c.behaviours.map((b) => b.id)])])
}

/** A behaviour with the competency and domain it belongs to. */
export type TPlacedBehaviour = TBehaviour & { competencyId: string; domainId: string }

/** Every behaviour of the framework (optionally only those observed in one audience), in framework order. */
export function behavioursOf(framework: Pick<TFramework, 'domains'>, audience?: FrameworkAudience): TPlacedBehaviour[] {
  return framework.domains.flatMap((d) =>
    d.competencies.flatMap((c) =>
      c.behaviours.filter((b) => !audience || b.audiences.includes(audience)).map((b) => ({ ...b, competencyId: c.id, domainId: d.id })),
    ),
  )
}

/** The behaviour with this id in the framework, or null when this version does not have it. */
export function findBehaviour(framework: Pick<TFramework, 'domains'>, id: string): TPlacedBehaviour | null {
  return behavioursOf(framework).find((b) => b.id === id) ?? null
}
