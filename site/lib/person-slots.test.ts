import { describe, expect, it } from 'vitest'
import { fillPersonSlots, PERSON_SLOT } from './person-slots.ts'

describe('fillPersonSlots', () => {
  it('writes the person’s id and name where the shared rendering left stand-ins, every occurrence', () => {
    const page = `<body data-user="${PERSON_SLOT.id}"><p>Bonjour ${PERSON_SLOT.name}.</p><i>${PERSON_SLOT.name}</i></body>`
    expect(fillPersonSlots(page, { id: 42, name: 'Awa Traoré' })).toBe('<body data-user="42"><p>Bonjour Awa Traoré.</p><i>Awa Traoré</i></body>')
  })
  it('escapes the name, which the person chose', () => {
    expect(fillPersonSlots(`<p title="${PERSON_SLOT.name}">${PERSON_SLOT.name}</p>`, { id: 1, name: '<b>"Moussa" & co</b>' })).toBe(
      '<p title="&lt;b&gt;&quot;Moussa&quot; &amp; co&lt;/b&gt;">&lt;b&gt;&quot;Moussa&quot; &amp; co&lt;/b&gt;</p>',
    )
  })
  it('leaves a page without stand-ins as it is (the same string)', () => {
    const page = '<p>Bonjour.</p>'
    expect(fillPersonSlots(page, { id: 1, name: 'Awa' })).toBe(page)
  })
})
