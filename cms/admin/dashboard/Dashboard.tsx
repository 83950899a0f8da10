import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import type { User } from '../../payload-types.ts'
import { portalPagesFor } from '../../rules/menus.ts'
import type { Label } from '../../rules/toolkit.ts'
import { sectionsFor, type TDashboardSection, type TSectionContent } from './sections.ts'

const AREAS: { area: TDashboardSection['area']; title: Label }[] = [
  { area: 'todo', title: { fr: 'À faire', en: 'To do' } },
  { area: 'figures', title: { fr: 'Chiffres', en: 'Figures' } },
]

/**
 * The back office's home: the sections of the signed-in person's roles (cms/admin/dashboard/sections.ts), computed
 * on the server at each visit, each figure linking to the list behind it, and the portal pages of those roles.
 */
export async function Dashboard({ initPageResult, payload, i18n }: AdminViewServerProps) {
  // The full account (roles included) for the rules; `user` in the props is what the client may see.
  const person = initPageResult.req.user as unknown as User
  const lang = i18n.language === 'en' ? 'en' : 'fr'
  const l = (label: Label) => label[lang]
  const now = new Date()
  const loaded = await Promise.all(
    sectionsFor(person).map(async (section) => ({ section, content: await section.load({ payload, user: person, now, lang, l }) })),
  )
  const shown = loaded.filter((s): s is { section: TDashboardSection; content: TSectionContent } => s.content !== null)
  const pages = portalPagesFor(person)
  return (
    <Gutter className="portal-dashboard">
      <h1>{l({ fr: `Bonjour ${person.name}`, en: `Hello ${person.name}` })}</h1>
      <p className="portal-dashboard__intro">{l({ fr: 'Ce qui vous attend et où en sont les choses. Chaque nombre ouvre la liste qu’il compte.', en: 'What is waiting for you and where things stand. Each number opens the list it counts.' })}</p>
      {pages.length > 0 && (
        <nav className="portal-dashboard__pages" aria-label={l({ fr: 'Pages du portail', en: 'Portal pages' })}>
          {pages.map((page) => (
            <a key={page.path} href={page.path} className="portal-button">
              {l(page.label)}
            </a>
          ))}
        </nav>
      )}
      {shown.length === 0 && <p>{l({ fr: 'Votre rôle n’a pas encore de tableau de bord : le menu mène à ce que vous pouvez consulter, et « Mon compte » à votre profil.', en: 'Your role has no dashboard yet: the menu leads to what you may open, and “Account” to your profile.' })}</p>}
      {AREAS.map(({ area, title }) => {
        const sections = shown.filter((s) => s.section.area === area)
        if (sections.length === 0) return null
        return (
          <section key={area} className="portal-dashboard__area" aria-labelledby={`portal-area-${area}`}>
            <h2 id={`portal-area-${area}`}>{l(title)}</h2>
            <div className="portal-dashboard__cards">
              {sections.map(({ section, content }) => (
                <SectionCard key={section.id} id={section.id} title={l(section.title)} content={content} />
              ))}
            </div>
          </section>
        )
      })}
    </Gutter>
  )
}

function SectionCard({ id, title, content }: { id: string; title: string; content: TSectionContent }) {
  return (
    <article className="portal-card" data-section={id} aria-labelledby={`portal-section-${id}`}>
      <h3 id={`portal-section-${id}`}>{title}</h3>
      {content.figures && (
        <ul className="portal-figures">
          {content.figures.map((f) => (
            <li key={f.label} className={f.alert ? 'portal-figure portal-figure--alert' : 'portal-figure'}>
              {f.href ? (
                <a href={f.href}>
                  <strong>{f.value}</strong> <span>{f.label}</span>
                </a>
              ) : (
                <>
                  <strong>{f.value}</strong> <span>{f.label}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {content.table && content.table.rows.length > 0 && (
        <div className="portal-table-scroll">
          <table className="portal-table">
            <caption>{content.table.caption}</caption>
            <thead>
              <tr>
                {content.table.head.map((h, i) => (
                  <th key={h} scope="col" className={i > 0 ? 'num' : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {content.table.rows.map((row) => (
                <tr key={row[0]?.text}>
                  {row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell.text}</th> : <td key={i} className="num">{cell.href ? <a href={cell.href}>{cell.text}</a> : cell.text}</td>))}
                </tr>
              ))}
            </tbody>
            {content.table.foot && (
              <tfoot>
                <tr>{content.table.foot.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell.text}</th> : <td key={i} className="num">{cell.href ? <a href={cell.href}>{cell.text}</a> : cell.text}</td>))}</tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
      {content.empty && <p className="portal-card__empty">{content.empty}</p>}
      {content.items && content.items.length > 0 && (
        <ul className="portal-items">
          {content.items.map((item) => (
            <li key={item.href + item.text} className={item.alert ? 'portal-item portal-item--alert' : 'portal-item'}>
              <a href={item.href}>{item.text}</a>
              {item.detail && <span className="portal-item__detail"> — {item.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      {content.links && content.links.length > 0 && (
        <p className="portal-card__links">
          {content.links.map((link) => (
            <a key={link.href} href={link.href}>
              {link.text}
            </a>
          ))}
        </p>
      )}
    </article>
  )
}
