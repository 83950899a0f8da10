import { describe, expect, it } from 'vitest'
import { can, changedPrivileges, hasRole, isStaff } from './roles.ts'

describe('roles', () => {
  it('matches any held role', () => {
    expect(hasRole({ roles: ['trainer', 'supervisor'] }, 'supervisor')).toBe(true)
    expect(hasRole({ roles: ['learner'] }, 'admin', 'editor')).toBe(false)
    expect(hasRole(null, 'admin')).toBe(false)
  })
  it('gives nothing to a deactivated account', () => {
    expect(hasRole({ roles: ['admin'], active: false }, 'admin')).toBe(false)
  })
  it('keeps learners out of the back office', () => {
    expect(isStaff({ roles: ['learner'] })).toBe(false)
    expect(isStaff({ roles: ['learner', 'caseManager'] })).toBe(true)
  })
  it('detects role and scope changes, ignoring order and populated relations', () => {
    expect(changedPrivileges({ roles: ['a', 'b'], region: 3 }, { roles: ['b', 'a'], region: { id: 3 } })).toEqual([])
    expect(changedPrivileges({ roles: ['a'], organisation: 1 }, { roles: ['a', 'b'], organisation: 2 })).toEqual([
      'roles',
      'organisation',
    ])
    expect(changedPrivileges({ active: true }, { active: false })).toEqual(['active'])
    expect(changedPrivileges({ active: true }, { name: 'x' })).toEqual([])
  })
})

describe('capabilities', () => {
  it('follow the roles that carry them', () => {
    expect(can({ roles: ['trainer'] }, 'runTrainings')).toBe(true)
    expect(can({ roles: ['supervisor'] }, 'runTrainings')).toBe(false)
    expect(can({ roles: ['editor'] }, 'editContent')).toBe(true)
    expect(can({ roles: ['trainer'] }, 'editContent')).toBe(false)
    expect(can({ roles: ['coordinator'] }, 'administer')).toBe(false)
    expect(can(null, 'editCurriculum')).toBe(false)
  })
  it('are lost with deactivation', () => {
    expect(can({ roles: ['admin'], active: false }, 'administer')).toBe(false)
  })
})
