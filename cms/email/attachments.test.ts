import { describe, expect, it } from 'vitest'
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, ZEmailAttachments } from './attachments.ts'

const ics = { fileName: 'invitation.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }

describe('email attachments', () => {
  it('accepts a text calendar file and a base64 file, utf8 by default', () => {
    const parsed = ZEmailAttachments.parse([ics, { fileName: 'rapport.pdf', contentType: 'application/pdf', encoding: 'base64', content: Buffer.from('%PDF-1.7').toString('base64') }])
    expect(parsed[0]!.encoding).toBe('utf8')
    expect(parsed[1]!.encoding).toBe('base64')
  })

  it('refuses paths and header-breaking names, bad types and bad base64, in French', () => {
    const messages = (value: unknown) => ZEmailAttachments.safeParse([value]).error?.issues.map((i) => i.message) ?? []
    expect(messages({ ...ics, fileName: '../../etc/passwd' })).toEqual([expect.stringMatching(/^Nom de fichier invalide/)])
    expect(messages({ ...ics, fileName: 'a"\r\nBcc: x@y.z' })).toEqual([expect.stringMatching(/^Nom de fichier invalide/)])
    expect(messages({ ...ics, contentType: 'text/html\r\nX: y' })).toEqual([expect.stringMatching(/^Type de fichier invalide/)])
    expect(messages({ ...ics, encoding: 'base64', content: 'pas du base64 !' })).toEqual(['Contenu base64 invalide.'])
  })

  it('limits the size of each file, their number and their total size', () => {
    const big = { ...ics, content: 'x'.repeat(MAX_ATTACHMENT_BYTES + 1) }
    expect(ZEmailAttachments.safeParse([big]).error?.issues[0]!.message).toMatch(/^Pièce jointe trop volumineuse/)
    expect(ZEmailAttachments.safeParse([{ ...ics, content: 'x'.repeat(MAX_ATTACHMENT_BYTES) }]).success).toBe(true)
    expect(ZEmailAttachments.safeParse(Array.from({ length: MAX_ATTACHMENTS + 1 }, () => ics)).error?.issues[0]!.message).toMatch(/^Trop de pièces jointes/)
    const nearlyFull = { ...ics, content: 'x'.repeat(MAX_ATTACHMENT_BYTES) }
    expect(ZEmailAttachments.safeParse([nearlyFull, nearlyFull, nearlyFull, ics]).error?.issues[0]!.message).toMatch(/ensemble/)
  })
})
