import { APIError, Forbidden, NotFound, ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { errorAnswer, errorResponse, PortalError } from './errors.ts'

const silent = { error: () => {} } as never

describe('PortalError', () => {
  it('takes its status and French message from the catalogue, with the English beside', () => {
    const error = new PortalError('capabilityMissing', { capability: 'runTrainings' })
    expect(error.status).toBe(403)
    expect(error.message).toBe('Réservé aux formateurs, à la coordination et aux administrateurs.')
    expect(error.text.en).toBe('Reserved for trainers, coordination and administrators.')
    expect(error.data).toEqual({ code: 'capabilityMissing' })
    expect(error).toBeInstanceOf(APIError)
  })

  it('builds parameterised messages', () => {
    expect(new PortalError('invalidParameter', { name: 'format', allowed: ['csv', 'xlsx'] }).message).toBe('Paramètre « format » invalide : csv ou xlsx.')
    expect(new PortalError('invalidParameter', { name: 'format', allowed: ['pdf', 'docx', 'ics'] }).text.en).toBe('Invalid “format” parameter: pdf, docx or ics.')
    expect(new PortalError('signInRequired', { to: { fr: 'répondre au quiz', en: 'answer the quiz' } }).message).toBe('Connectez-vous pour répondre au quiz.')
  })
})

describe('errorAnswer', () => {
  it('answers a PortalError with its status, code and message in the asked language', () => {
    const fr = errorAnswer(new PortalError('notFound', { thing: 'module' }))
    expect(fr).toEqual({ status: 404, body: { errors: [{ name: 'PortalError', code: 'notFound', message: 'Module introuvable.' }] } })
    expect(errorAnswer(new PortalError('notFound', { thing: 'module' }), { lang: 'en' }).body.errors[0]!.message).toBe('Module not found.')
  })

  it('turns zod errors into 400 with one French message per field', () => {
    const schema = z.object({ day: z.iso.date({ error: 'Jour invalide.' }), count: z.number() })
    const result = schema.safeParse({ day: 'hier', count: 'x' })
    const { status, body } = errorAnswer(result.error)
    expect(status).toBe(400)
    expect(body.errors[0]).toMatchObject({ code: 'invalidInput', message: 'Données invalides : corrigez les champs signalés.' })
    expect(body.errors[0]!.data!.errors).toEqual([
      { path: 'day', message: 'Jour invalide.' },
      { path: 'count', message: expect.stringMatching(/^Entrée invalide/) },
    ])
    expect(body.errors.slice(1)).toEqual([
      { code: 'invalidInput', field: 'day', message: 'Jour invalide.' },
      { code: 'invalidInput', field: 'count', message: expect.stringMatching(/nombre/) },
    ])
  })

  it('keeps the fields of a Payload ValidationError', () => {
    const error = new ValidationError({ collection: 'enrolments', errors: [{ path: 'attendance.0.date', message: 'Le 2025-01-01 est en dehors des dates de la formation.' }] })
    const { status, body } = errorAnswer(error)
    expect(status).toBe(400)
    expect(body.errors[1]).toEqual({ code: 'invalidInput', field: 'attendance.0.date', message: 'Le 2025-01-01 est en dehors des dates de la formation.' })
  })

  it('gives Payload’s Forbidden and NotFound French messages', () => {
    expect(errorAnswer(new Forbidden())).toMatchObject({ status: 403, body: { errors: [{ code: 'forbidden', message: 'Vous n’êtes pas autorisé à effectuer cette action.' }] } })
    expect(errorAnswer(new NotFound())).toMatchObject({ status: 404, body: { errors: [{ code: 'notFound' }] } })
  })

  it('keeps the status and message of a public refusal written by a hook', () => {
    const { status, body } = errorAnswer(new APIError('La consultation est close.', 409, { code: 'consultationClosed' }, true))
    expect(status).toBe(409)
    expect(body.errors[0]!.message).toBe('La consultation est close.')
  })

  it('never leaks an unexpected error: 500, a generic French message, the detail logged', () => {
    const logged: unknown[] = []
    const secret = new Error('SQLITE_ERROR: no such table participants_secret at /srv/data/portal.db')
    const { status, body } = errorAnswer(secret, { log: { error: (entry: unknown) => logged.push(entry) } as never })
    expect(status).toBe(500)
    expect(body.errors).toEqual([{ name: 'PortalError', code: 'internal', message: expect.stringMatching(/^Erreur inattendue/) }])
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|portal\.db/)
    expect(logged).toEqual([expect.objectContaining({ err: secret })])
    // A non-public Payload error (500) is an unexpected one too.
    expect(errorAnswer(new APIError('db down'), { log: silent }).body.errors[0]!.message).not.toContain('db down')
  })

  it('answers JSON that is never cached', async () => {
    const response = errorResponse(new PortalError('forbidden'))
    expect(response.status).toBe(403)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ errors: [{ name: 'PortalError', code: 'forbidden', message: 'Vous n’êtes pas autorisé à effectuer cette action.' }] })
  })
})
