/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Interface language, from the URL (/en/… is English). */
    lang: import('./i18n/index.ts').Lang
    /** The signed-in person, or null. */
    user: import('#cms/payload-types.ts').User | null
    /** The Payload instance started by the portal server. */
    payload: import('payload').Payload
    /**
     * Set by a page whose rendering for a signed-in person depends only on their roles and scope, never on who
     * they are: the render cache may then serve it to others with the same roles and scope (site/lib/page-cache.ts).
     */
    sharedByRole?: boolean
    /** Set by the middleware's first run for a request (a page's rewrite runs it again inside: site/middleware.ts). */
    handled?: boolean
  }
}
