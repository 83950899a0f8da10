// The portal's identity in the back office: the same mark as the site's favicon (public/favicon.svg), its name.

const Mark = ({ size }: { size: number }) => (
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="6" fill="#0b5d3b" />
    <circle cx="16" cy="11" r="5" fill="#fff" />
    <path d="M6 27c1-6 5-9 10-9s9 3 10 9z" fill="#fff" />
  </svg>
)

/** The mark in the header, linking to the dashboard (Payload's "Icon", drawn in an 18 px box). */
export function Icon() {
  return <Mark size={18} />
}

/** The mark and the portal's name where Payload shows its logo. */
export function Logo() {
  return (
    <span className="portal-logo">
      <Mark size={40} />
      <span className="portal-logo__name">Portail protection de l’enfant</span>
    </span>
  )
}
