import type { Payload } from 'payload'
import type { SupportCategory } from '../rules/support.ts'

/** The first answers of /aide, to the difficulties every new portal meets; the desk adds its own from resolved requests. */
const FIRST_ENTRIES: { question: string; answer: string; category: SupportCategory; order: number; en: { question: string; answer: string } }[] = [
  {
    question: 'J’ai oublié mon mot de passe.',
    answer: 'Sur la page « Se connecter », choisissez « Mot de passe oublié ? » et indiquez l’adresse e-mail de votre compte. Le lien reçu est valable une heure et ne sert qu’une fois.\n\nPensez à regarder dans les courriers indésirables.',
    category: 'account',
    order: 10,
    en: { question: 'I forgot my password.', answer: 'On the sign-in page choose “Forgot your password?” and give your account’s email address. The link is valid for one hour and works once.\n\nCheck your spam folder too.' },
  },
  {
    question: 'Mon compte est verrouillé après plusieurs essais.',
    answer: 'Après 5 mots de passe erronés, le compte est verrouillé 15 minutes pour le protéger. Attendez puis réessayez, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ? ».',
    category: 'account',
    order: 20,
    en: { question: 'My account is locked after several attempts.', answer: 'After 5 wrong passwords the account is locked for 15 minutes to protect it. Wait and try again, or choose a new password with “Forgot your password?”.' },
  },
  {
    question: 'La vidéo d’un module se charge mal.',
    answer: 'Sur la page du module, choisissez la version « petite » de la vidéo : elle est prévue pour les connexions lentes. Vous pouvez aussi la garder hors ligne pour la regarder sans réseau.',
    category: 'training',
    order: 30,
    en: { question: 'A module’s video loads badly.', answer: 'On the module page choose the “small” version of the video: it is made for slow connections. You can also keep it offline to watch it without a network.' },
  },
]

/** Publishes the first FAQ entries once (matched by their French question). */
export async function seedFaq(payload: Payload): Promise<number> {
  let created = 0
  for (const entry of FIRST_ENTRIES) {
    const existing = await payload.find({ collection: 'faq', where: { question: { equals: entry.question } }, limit: 1, depth: 0, overrideAccess: true, draft: true, locale: 'fr' })
    if (existing.docs[0]) continue
    const doc = await payload.create({ collection: 'faq', overrideAccess: true, draft: false, locale: 'fr', data: { _status: 'published', question: entry.question, answer: entry.answer, category: entry.category, order: entry.order } })
    await payload.update({ collection: 'faq', id: doc.id, locale: 'en', overrideAccess: true, data: entry.en })
    created += 1
  }
  return created
}
