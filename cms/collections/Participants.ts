import { ValidationError, type CollectionConfig } from 'payload'
import { coordinatorsOrAdmins, ownTrainingsOrCoordinators, participantContactRead, trainingStaff } from '../access/index.ts'
import { serverSetField } from '../access/server-only.ts'
import { duplicateCandidates, normalisePhone, SEXES } from '../rules/trainings.ts'
import { selectOptions } from '../rules/toolkit.ts'
import { hasRole } from '../rules/roles.ts'
import { reaches, TRAINING_SCOPE_FIELDS, type ScopeHolder } from '../rules/scope.ts'
import { PortalError } from '../endpoints/errors.ts'
import { requireCapability } from '../endpoints/guards.ts'
import { endpoint } from '../endpoints/handler.ts'
import { audit, clientIp } from '../auth/audit.ts'
import { refreshParticipantTrainers, trainersField } from './Trainings/shared.ts'
import { idOf } from '../fields/relations.ts'

/** The registry of people trained, shared across trainings so that each person's history is visible. */
export const Participants: CollectionConfig = {
  slug: 'participants',
  labels: { singular: { fr: 'Participant', en: 'Participant' }, plural: { fr: 'Participants', en: 'Participants' } },
  admin: { useAsTitle: 'fullName', defaultColumns: ['fullName', 'sex', 'function', 'organisation', 'region'], group: { fr: 'Formations', en: 'Trainings' }, listSearchableFields: ['lastName', 'firstName'] },
  access: { read: ownTrainingsOrCoordinators, create: trainingStaff, update: ownTrainingsOrCoordinators, delete: coordinatorsOrAdmins },
  defaultSort: 'lastName',
  hooks: {
    beforeValidate: [
      async ({ data, originalDoc, req, operation }) => {
        if (!data) return data
        const merged = { ...originalDoc, ...data }
        data.fullName = `${String(merged.lastName ?? '').toUpperCase()} ${merged.firstName ?? ''}`.trim()
        if (data.phone) data.phone = normalisePhone(String(data.phone)) || data.phone
        if (operation === 'create' && req.user && hasRole(req.user as never, 'trainer')) data.registeredBy = req.user.id
        // Possible duplicates are flagged before a new person is created: the trainer enrols the existing person
        // or confirms these are two people. An update that leaves name, phone and email alone (the system's
        // recomputation of who reaches the person) has nothing to check.
        const identityChanged = operation === 'create' || ['firstName', 'lastName', 'phone', 'email'].some((field) => field in data)
        if (merged.confirmedDistinct || !identityChanged) return data
        const { docs } = await req.payload.find({
          collection: 'participants',
          where: { lastName: { like: String(merged.lastName ?? '').slice(0, 60) } },
          limit: 200,
          depth: 1,
          overrideAccess: true,
          req,
        })
        const others = docs.filter((d) => String(d.id) !== String(originalDoc?.id ?? ''))
        const ids = duplicateCandidates(
          others.map((d) => ({ id: d.id, firstName: d.firstName, lastName: d.lastName, phone: d.phone, email: d.email })),
          { id: 'new', firstName: String(merged.firstName ?? ''), lastName: String(merged.lastName ?? ''), phone: merged.phone, email: merged.email },
        )
        if (ids.length > 0) {
          // Only people the writer's scope reaches are named: the check must not tell who is in the registry.
          const user = req.user as ScopeHolder
          const visible = others.filter((d) => ids.map(String).includes(String(d.id)) && reaches(user, 'trainings', d as never, TRAINING_SCOPE_FIELDS))
          const names = visible.map((d) => `${d.fullName} (n° ${d.id}${d.organisation && typeof d.organisation === 'object' ? `, ${d.organisation.acronym}` : ''})`)
          const message =
            names.length > 0
              ? `Cette personne est peut-être déjà enregistrée : ${names.join(' ; ')}. Inscrivez la personne existante, ou cochez « Personne différente » pour créer quand même.`
              : 'Une personne aux nom et coordonnées proches figure peut-être déjà au registre. Si c’est la même, inscrivez-la par l’import de la formation (elle y est retrouvée par ses nom, téléphone ou e-mail) ; sinon cochez « Personne différente » pour créer quand même.'
          throw new ValidationError({ collection: 'participants', errors: [{ path: 'confirmedDistinct', message }] }, req.t)
        }
        return data
      },
    ],
    afterChange: [
      async ({ doc, operation, req }) => {
        if (operation === 'create') await refreshParticipantTrainers(req.payload, doc.id, req)
        return doc
      },
    ],
  },
  endpoints: [
    {
      // POST /api/participants/:id/merge { into }: moves every enrolment of a duplicate onto the kept record.
      path: '/:id/merge',
      method: 'post',
      handler: endpoint(async (req) => {
        requireCapability(req, 'coordinate')
        const body = (await req.json?.()) as { into?: unknown } | undefined
        const from = req.routeParams?.id as string
        const into = body?.into
        if (typeof into !== 'number' && typeof into !== 'string') throw new PortalError('mergeTargetMissing')
        if (String(into) === String(from)) throw new PortalError('mergeIntoItself')
        const { payload } = req
        const [source, target] = await Promise.all([
          payload.findByID({ collection: 'participants', id: from, overrideAccess: true, depth: 0, disableErrors: true }),
          payload.findByID({ collection: 'participants', id: into, overrideAccess: true, depth: 0, disableErrors: true }),
        ])
        if (!source || !target) throw new PortalError('notFound', { thing: 'participant' })
        const [moving, kept] = await Promise.all(
          [source.id, target.id].map(async (id) => (await payload.find({ collection: 'enrolments', where: { participant: { equals: id } }, depth: 0, limit: 500, overrideAccess: true })).docs),
        )
        const clash = moving!.find((m) => kept!.some((k) => String(idOf(k.training)) === String(idOf(m.training))))
        if (clash) throw new PortalError('mergeSameTraining')
        for (const enrolment of moving!) {
          await payload.update({ collection: 'enrolments', id: enrolment.id, data: { participant: target.id }, overrideAccess: true })
        }
        await payload.delete({ collection: 'participants', id: source.id, overrideAccess: true })
        await refreshParticipantTrainers(payload, target.id)
        await audit(payload, { action: 'participant.merged', actor: req.user as never, ip: clientIp(req.headers), details: { from: source.id, into: target.id, enrolments: moving!.length } })
        return Response.json({ message: `Fiche n° ${source.id} fusionnée dans la fiche n° ${target.id}.`, moved: moving!.length })
      }),
    },
  ],
  fields: [
    { name: 'fullName', type: 'text', admin: { hidden: true }, index: true },
    {
      type: 'row',
      fields: [
        { name: 'firstName', type: 'text', required: true, maxLength: 80, label: { fr: 'Prénom', en: 'First name' } },
        { name: 'lastName', type: 'text', required: true, maxLength: 80, index: true, label: { fr: 'Nom', en: 'Last name' } },
        { name: 'sex', type: 'select', required: true, options: selectOptions(SEXES), label: { fr: 'Sexe', en: 'Sex' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'function', type: 'text', required: true, maxLength: 120, label: { fr: 'Fonction', en: 'Function' } },
        { name: 'organisation', type: 'relationship', relationTo: 'organisations', required: true, index: true, label: { fr: 'Structure', en: 'Organisation' } },
        { name: 'region', type: 'relationship', relationTo: 'regions', required: true, index: true, label: { fr: 'Région', en: 'Region' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'phone', type: 'text', maxLength: 30, access: { read: participantContactRead }, label: { fr: 'Téléphone', en: 'Phone' } },
        { name: 'email', type: 'email', access: { read: participantContactRead }, label: { fr: 'E-mail', en: 'Email' } },
      ],
    },
    {
      name: 'confirmedDistinct',
      type: 'checkbox',
      defaultValue: false,
      label: { fr: 'Personne différente (malgré un nom proche)', en: 'Different person (despite a similar name)' },
      admin: { position: 'sidebar' },
    },
    // Set from the session when a trainer creates the record (it feeds access); a value sent by a client is ignored.
    { name: 'registeredBy', type: 'relationship', relationTo: 'users', access: serverSetField, admin: { readOnly: true, position: 'sidebar' }, label: { fr: 'Enregistré par', en: 'Registered by' } },
    trainersField,
    {
      name: 'enrolments',
      type: 'join',
      collection: 'enrolments',
      on: 'participant',
      label: { fr: 'Historique des formations', en: 'Training history' },
    },
  ],
}
