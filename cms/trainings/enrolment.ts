import type { PayloadRequest } from 'payload'
import { FOUND_BY_DETAILS } from '../collections/Trainings/shared.ts'
import type { Enrolment, Participant } from '../payload-types.ts'

// The one way the portal registers a person and enrols them into a training, used by the spreadsheet import
// (cms/trainings/import.ts) and by adding a person by hand on the trainer page (cms/trainings/add-by-hand.ts).
// Both write as the signed-in person (`overrideAccess: false`): the collections' hooks derive the full name,
// refuse probable duplicates and check that the training and the person are within the writer's scope.

/** What registering a person needs: their identity, post and contacts, and whether a close match was ruled out. */
export type TNewParticipant = Pick<Participant, 'firstName' | 'lastName' | 'sex' | 'function'> & {
  organisation: number
  region: number
  phone?: string | null
  email?: string | null
  confirmedDistinct: boolean
}

/** Registers a person as the writer (the registry's duplicate check runs in the collection's hook). */
export function registerParticipant(req: PayloadRequest, person: TNewParticipant): Promise<Participant> {
  return req.payload.create({ collection: 'participants', data: person, req, user: req.user, overrideAccess: false })
}

/** What an enrolment may carry from the start: the marks of an imported row. */
export type TEnrolmentMarks = Pick<Enrolment, 'attendance' | 'preTest' | 'postTest'>

/**
 * Enrols a person into a training as the writer. `foundByDetails`: the person was found by the server from
 * details the writer gave (a name with a phone or e-mail), so they may be enrolled although the writer's scope
 * does not reach them yet (see FOUND_BY_DETAILS); never set it from an id a client sent.
 */
export function enrolParticipant(req: PayloadRequest, training: number | string, participant: number | string, marks: TEnrolmentMarks = {}, foundByDetails = false): Promise<Enrolment> {
  return req.payload.create({
    collection: 'enrolments',
    data: { training: training as number, participant: participant as number, ...marks },
    req,
    user: req.user,
    overrideAccess: false,
    context: foundByDetails ? { [FOUND_BY_DETAILS]: participant } : {},
  })
}
