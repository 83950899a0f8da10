import type { TaskConfig } from 'payload'
import { sendPasswordReset } from '../auth/account.ts'

/** Looks up the account of a reset request and sends the link (see requestPasswordReset: why this is a job). */
export const passwordResetTask: TaskConfig<{ input: { email: string; ip: string }; output: { done: boolean } }> = {
  slug: 'password-reset',
  label: 'Demande de réinitialisation du mot de passe',
  inputSchema: [
    { name: 'email', type: 'text', required: true },
    { name: 'ip', type: 'text' },
  ],
  outputSchema: [{ name: 'done', type: 'checkbox' }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
  handler: async ({ input, req }) => {
    await sendPasswordReset(req.payload, input.email, input.ip || null)
    return { output: { done: true } }
  },
}
