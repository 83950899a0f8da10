/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Interface language, from the URL (/en/… is English). */
    lang: import('./i18n/index.ts').Lang
    /** The signed-in person, or null. */
    user: import('#cms/payload-types.ts').User | null
    /** The Payload instance started by the portal server. */
    payload: import('payload').Payload
  }
}
