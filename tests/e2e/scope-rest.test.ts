import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { restClient } from '../helpers/browser.ts'
import { startPortalProcess, type PortalProcess } from '../helpers/server.ts'

// Issue 9, findings 3 and 4, over HTTP as an attacker holding the demo trainer account would script them against
// the REST API: no enrolment of someone else's participant, no reach after the fact, no writing into another
// trainer's training.
let portal: PortalProcess
beforeAll(async () => {
  portal = await startPortalProcess()
})
afterAll(async () => {
  await portal?.stop()
})

const signIn = (email: string) => restClient(portal.url, email)

describe('a trainer over REST', () => {
  it('cannot enrol, read or change someone else’s participant, nor write into another training', async () => {
    const coordination = await signIn('coordination@example.org')
    const trainer = await signIn('formateur@example.org')
    const reference = async (collection: string) => (await coordination(`/${collection}?limit=1&depth=0`)).json.docs![0]!.id
    const [region, organisation] = [await reference('regions'), await reference('organisations')]

    // Coordination registers a person and opens a training the demo trainer does not run.
    const person = await coordination('/participants', 'POST', { firstName: 'Seydou', lastName: 'Ballo-Rest', sex: 'M', function: 'Travailleur social', organisation, region, phone: '+223 70 99 88 77', confirmedDistinct: true })
    expect(person.status).toBe(201)
    const other = await coordination('/trainings', 'POST', { title: 'Formation de la coordination', kind: 'initial', status: 'planned', startDate: '2026-09-01', endDate: '2026-09-02', venue: 'Bamako', region, organiser: organisation })
    expect(other.status).toBe(201)
    const own = (await trainer('/trainings?limit=1&depth=0')).json.docs![0]!.id

    // Finding 3: enrolling the person by id into the trainer's own training is refused, and gives no reach.
    expect((await trainer('/enrolments', 'POST', { training: own, participant: person.json.doc!.id })).status).toBe(400)
    expect([403, 404]).toContain((await trainer(`/participants/${person.json.doc!.id}`)).status)
    expect([403, 404]).toContain((await trainer(`/participants/${person.json.doc!.id}`, 'PATCH', { function: 'Piraté' })).status)
    expect((await coordination(`/participants/${person.json.doc!.id}?depth=0`)).json.function).toBe('Travailleur social')

    // Finding 4: an own enrolment cannot be moved into another training, nor a next step attached to it.
    const enrolment = (await trainer(`/enrolments?limit=1&depth=0&where[training][equals]=${own}`)).json.docs![0]!.id
    expect((await trainer(`/enrolments/${enrolment}`, 'PATCH', { training: other.json.doc!.id })).status).toBe(400)
    expect((await trainer('/action-items', 'POST', { activity: 'Restituer', status: 'toDo', source: { relationTo: 'trainings', value: other.json.doc!.id } })).status).toBe(400)
    expect((await coordination(`/enrolments?where[training][equals]=${other.json.doc!.id}`)).json.docs).toHaveLength(0)
  })
})
