import crypto from 'node:crypto'

// Links that grant something (reset, invitation, confirmation) must not stay readable in the outbox, which
// administrators read. The stored email carries a marker in place of each link; the links themselves are kept
// sealed (AES-256-GCM, key derived from the server secret) only until delivery, then wiped.

/** The text that replaces the n-th secret link in the stored copy of an email. */
export const secretMarker = (index: number): string => `[lien personnel n° ${index + 1} masqué : seul le destinataire le reçoit]`

type Parts = { text: string; html?: string | null }

/** Replaces each secret link (plain in the text, escaped in the HTML) with its marker. */
export function maskSecrets(parts: Parts, secrets: readonly string[], htmlForm: (s: string) => string): Parts {
  let { text, html } = parts
  secrets.forEach((secret, i) => {
    text = text.replaceAll(secret, secretMarker(i))
    html = html?.replaceAll(htmlForm(secret), htmlForm(secretMarker(i)))
  })
  return { text, html }
}

/** Puts the secret links back in place of their markers, for delivery. */
export function unmaskSecrets(parts: Parts, secrets: readonly string[], htmlForm: (s: string) => string): Parts {
  let { text, html } = parts
  secrets.forEach((secret, i) => {
    text = text.replaceAll(secretMarker(i), secret)
    html = html?.replaceAll(htmlForm(secretMarker(i)), htmlForm(secret))
  })
  return { text, html }
}

const keyFrom = (serverSecret: string): Buffer => crypto.createHash('sha256').update(`outbox-secrets\0${serverSecret}`).digest()

/** Seals the secret links for storage until delivery: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function sealSecrets(secrets: readonly string[], serverSecret: string): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFrom(serverSecret), iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
}

/** Opens sealed links; throws when they were sealed with another secret or altered (the message then fails). */
export function openSecrets(sealed: string, serverSecret: string): string[] {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Sealed outbox links in an unknown format: the message cannot be delivered; send the link again.')
  const decipher = crypto.createDecipheriv('aes-256-gcm', keyFrom(serverSecret), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  const clear = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  return JSON.parse(clear) as string[]
}
