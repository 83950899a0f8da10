import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { notFound } from 'next/navigation.js'
import type { AdminViewServerProps } from 'payload'
import type { User } from '../../payload-types.ts'
import { adminListHref } from '../../rules/admin-links.ts'
import { formatDay } from '../../rules/display.ts'
import { can } from '../../rules/roles.ts'
import type { Label } from '../../rules/toolkit.ts'
import { unfinishedSelfTraining } from './figures.ts'

/**
 * The list behind the dashboard's "started without finishing" figure: each person by name, with their progress.
 * Payload opens custom views to anyone signed in, so the capability is checked here; a new view brings its own
 * template (menu and header).
 */
export async function UnfinishedSelfTraining({ initPageResult, payload, i18n, params, searchParams }: AdminViewServerProps) {
  const person = initPageResult.req.user as unknown as User | null
  if (!person || !can(person, 'followLearners')) notFound()
  const l = (label: Label) => label[i18n.language === 'en' ? 'en' : 'fr']
  const people = await unfinishedSelfTraining({ payload, user: person, now: new Date() })
  const { locale, permissions, req, visibleEntities } = initPageResult
  return (
    <DefaultTemplate i18n={i18n} locale={locale} params={params} payload={payload} permissions={permissions} req={req} searchParams={searchParams} user={req.user ?? undefined} visibleEntities={visibleEntities}>
    <Gutter className="portal-dashboard">
      <p>
        <a href="/admin">← {l({ fr: 'Tableau de bord', en: 'Dashboard' })}</a>
      </p>
      <h1>{l({ fr: 'Autoformation commencée, non terminée', en: 'Self-training started, not finished' })}</h1>
      <p className="portal-dashboard__intro">
        {l({ fr: `${people.length} personne(s) ont commencé l’autoformation sans obtenir l’attestation. Le nom ouvre leurs progressions module par module.`, en: `${people.length} people started self-training without getting the certificate. The name opens their progress module by module.` })}
      </p>
      {people.length > 0 && (
        <div className="portal-table-scroll">
          <table className="portal-table">
            <caption>{l({ fr: 'Personnes à relancer', en: 'People to follow up' })}</caption>
            <thead>
              <tr>
                <th scope="col">{l({ fr: 'Nom', en: 'Name' })}</th>
                <th scope="col">{l({ fr: 'Structure', en: 'Organisation' })}</th>
                <th scope="col">{l({ fr: 'Région', en: 'Region' })}</th>
                <th scope="col" className="num">{l({ fr: 'Modules terminés / commencés', en: 'Modules completed / started' })}</th>
                <th scope="col">{l({ fr: 'Dernière activité', en: 'Last activity' })}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <a href={adminListHref('module-progress', [['user', 'equals', p.id]])}>{p.name}</a>
                  </th>
                  <td>{p.organisation}</td>
                  <td>{p.region}</td>
                  <td className="num">
                    {p.modulesCompleted} / {p.modulesStarted}
                  </td>
                  <td>{formatDay(p.lastActivity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Gutter>
    </DefaultTemplate>
  )
}
