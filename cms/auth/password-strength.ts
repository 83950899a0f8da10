import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as fr from '@zxcvbn-ts/language-fr'
import { checkPassword, type PasswordProblem } from '../rules/password.ts'

let factory: ZxcvbnFactory | undefined

/** zxcvbn with the common-password list and French dictionaries, built on first use (it is large). */
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
  })
  return factory
}

/** Applies the password policy with the real strength estimator. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  return checkPassword(password, email, (p, inputs) => estimator().check(p, inputs).score)
}

/** French (then English) text for each password problem, shared by the admin, the API and the site. */
export const PASSWORD_MESSAGES: Record<PasswordProblem, { fr: string; en: string }> = {
  tooShort: { fr: 'Le mot de passe doit contenir au moins 12 caractères.', en: 'The password must be at least 12 characters long.' },
  tooLong: { fr: 'Le mot de passe ne peut pas dépasser 256 caractères.', en: 'The password cannot exceed 256 characters.' },
  common: {
    fr: 'Ce mot de passe est trop courant ou trop facile à deviner : ajoutez des mots inattendus, chiffres ou symboles.',
    en: 'This password is too common or easy to guess: add unexpected words, digits or symbols.',
  },
  containsEmail: { fr: 'Le mot de passe ne doit pas reprendre votre adresse e-mail.', en: 'The password must not contain your email address.' },
}
