import { describe, expect, it } from 'vitest'
import { isBackOfficePath, landingPath } from './landing.ts'

describe('landing after sign-in', () => {
  it('sends staff to their back-office dashboard and learners to self-training when nothing was asked', () => {
    for (const role of ['admin', 'coordinator', 'trainer', 'editor', 'supervisor', 'caseManager']) expect(landingPath({ roles: [role] }, null)).toBe('/admin')
    expect(landingPath({ roles: ['learner'] }, null)).toBe('/formation')
    expect(landingPath({ roles: ['learner'] }, undefined, '/en/formation')).toBe('/en/formation')
  })
  it('keeps the page a person asked for when they may open it', () => {
    expect(landingPath({ roles: ['learner'] }, '/formation/mon-parcours')).toBe('/formation/mon-parcours')
    expect(landingPath({ roles: ['trainer'] }, '/presentiel/3')).toBe('/presentiel/3')
    expect(landingPath({ roles: ['editor'] }, '/admin/collections/news?limit=10')).toBe('/admin/collections/news?limit=10')
  })
  it('never sends someone who cannot open the back office into it, however the path is spelt', () => {
    for (const target of ['/admin', '/admin/collections/users', '/ADMIN', '/%61dmin/', '/admin?x=1']) {
      expect(landingPath({ roles: ['learner'] }, target)).toBe('/formation')
    }
    expect(landingPath({ roles: ['admin'], active: false }, '/admin')).toBe('/formation')
  })
  it('tells back-office paths from site paths that merely start alike', () => {
    expect(isBackOfficePath('/administration')).toBe(false)
    expect(isBackOfficePath('/admin/account')).toBe(true)
  })
})
