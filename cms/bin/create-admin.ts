// `npm run create-admin -- <email> "<Nom Prénom>"`: creates the first national administrator of an installation
// (production creates no demo account) and sends them an invitation to choose their password.
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { sendInvitation } from '../auth/account.ts'
import { startPortal } from '../portal.ts'

const ZArgs = z.tuple([z.email({ error: 'adresse e-mail invalide' }), z.string().trim().min(2, { error: 'nom trop court' }).max(120)])
const parsed = ZArgs.safeParse(process.argv.slice(2))
if (!parsed.success) {
  console.error(`Usage: npm run create-admin -- <email> "<Nom Prénom>"  (${parsed.error.issues.map((i) => i.message).join(', ')})`)
  process.exit(1)
}
const [email, name] = parsed.data
const payload = await startPortal({ seed: false })
const existing = await payload.find({ collection: 'users', where: { email: { equals: email.toLowerCase() } }, overrideAccess: true, limit: 1 })
if (existing.docs[0]) {
  console.error(`An account already exists for ${email}. Give it the admin role in /admin, or use another address.`)
  process.exit(1)
}
// A random password nobody knows: the administrator sets their own through the invitation link.
const user = await payload.create({
  collection: 'users',
  overrideAccess: true,
  data: { email, name, roles: ['admin'], password: `${randomBytes(24).toString('base64url')}-Aa1!`, emailVerified: true, active: true },
})
const url = await sendInvitation(payload, user, 'L’installation du portail')
// Without SMTP the outbox masks the link (it is a secret); whoever runs this command on the server gets it here.
console.log(
  process.env.SMTP_URL
    ? `Administrator ${email} created; the invitation will be sent by email.`
    : `Administrator ${email} created. No SMTP_URL: give them this link to choose their password (valid 7 days, single use):\n${url}`,
)
process.exit(0)
