import { ZQuizSubmission } from './offline-items.ts'
import type { TQuizAnswers } from '#training/rules/completion.ts'

// A quiz submission, from the HTML form (q-<question id> fields) or from the offline queue (JSON). The answers'
// content is checked against the quiz by the completion rules; here only the shape is checked (ZQuizSubmission,
// shared with the offline queue in site/lib/offline-items.ts).

/** Reads the quiz form: `tentative` and every `q-<id>` field (checkboxes give several values). */
export async function parseQuizForm(request: Request): Promise<{ ok: true; answers: TQuizAnswers; attemptId: string } | { ok: false; message: string }> {
  const form = await request.formData().catch(() => null)
  if (!form) return { ok: false, message: 'formulaire illisible' }
  const answers: Record<string, string[]> = {}
  for (const [key, value] of form.entries()) {
    if (!key.startsWith('q-') || typeof value !== 'string') continue
    ;(answers[key.slice(2)] ??= []).push(value)
  }
  const parsed = ZQuizSubmission.safeParse({ attemptId: form.get('tentative'), answers })
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join(', ') }
  return { ok: true, answers: parsed.data.answers, attemptId: parsed.data.attemptId }
}
