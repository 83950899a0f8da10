import { describe, expect, it } from 'vitest'
import { inMenu, MENU_AUDIENCE, portalPagesFor } from './menus.ts'

const menuOf = (role: string) => Object.keys(MENU_AUDIENCE).filter((slug) => inMenu({ roles: [role] }, slug))

describe('menus cut to the job', () => {
  it('gives an editor the content and never learners’ records, certificates or accounts', () => {
    expect(menuOf('editor')).toEqual(['resources', 'news', 'media', 'consultation-comments', 'home', 'modules', 'videos', 'faq'])
    for (const slug of ['quiz-attempts', 'module-progress', 'certificates', 'users']) expect(inMenu({ roles: ['editor'] }, slug)).toBe(false)
  })
  it('gives a trainer trainings, participants, next steps and modules', () => {
    expect(menuOf('trainer')).toEqual(['modules', 'trainings', 'participants', 'action-items'])
  })
  it('gives coordination the training records, self-training records and accounts, not the reference data', () => {
    const menu = menuOf('coordinator')
    for (const slug of ['trainings', 'participants', 'enrolments', 'action-items', 'module-progress', 'certificates', 'users']) expect(menu).toContain(slug)
    for (const slug of ['resources', 'regions', 'audit-log', 'outbox']) expect(menu).not.toContain(slug)
  })
  it('gives administrators everything and a deactivated account nothing listed', () => {
    expect(menuOf('admin')).toEqual(Object.keys(MENU_AUDIENCE))
    expect(Object.keys(MENU_AUDIENCE).filter((slug) => inMenu({ roles: ['admin'], active: false }, slug))).toEqual([])
  })
  it('leaves collections it does not list to Payload’s own rule', () => {
    expect(inMenu({ roles: ['learner'] }, 'a-new-capability')).toBe(true)
  })
  it('lists the portal pages of the person’s roles', () => {
    expect(portalPagesFor({ roles: ['trainer'] }).map((p) => p.path)).toEqual(['/presentiel', '/presentiel/statistiques', '/formation/suivi', '/bac-a-sable', '/rapports/indicateurs'])
    expect(portalPagesFor({ roles: ['supervisor'] }).map((p) => p.path)).toEqual(['/suivi-formatif', '/rapports/indicateurs'])
    expect(portalPagesFor({ roles: ['editor'] })).toEqual([])
  })
})
