import JSZip from 'jszip'
import { deflateSync, crc32 } from 'node:zlib'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { renderDocx } from './docx.ts'
import { imageInfo, MINISTRY_LETTERHEAD, type TDoc } from './model.ts'
import { renderPdf, toWinAnsi } from './pdf.ts'

/** A real PNG of `width` × `height` green pixels, so that both renderers embed an actual image. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8 bits per channel, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [11, 93, 59]).flat())])
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]))
}

const manyRows = Array.from({ length: 45 }, (_, i) => [`Ligne ${String(i + 1).padStart(2, '0')}`, String(i * 2), `Note ${i + 1}`])

/** A document with every block type, a running header on the annex and a long table that runs over pages. */
const sample: TDoc = {
  title: 'Compte rendu de la réunion du cadre de concertation',
  footer: { text: 'Compte rendu — cadre de concertation' },
  sections: [
    {
      blocks: [
        { type: 'title', kicker: 'COMPTE RENDU', text: 'Compte rendu de la réunion du cadre de concertation' },
        { type: 'fields', items: [['Date', '12 mars 2025'], ['Lieu', 'Ségou']] },
        { type: 'rule' },
        { type: 'toc' },
        { type: 'heading', level: 1, text: '1. Ordre du jour' },
        { type: 'paragraph', text: ['La séance est ouverte par ', { text: 'la directrice régionale', bold: true }, ', puis ', { text: 'le point focal', italic: true }, ' présente les cas.'] },
        { type: 'numbered', items: ['Lecture du compte rendu précédent', 'Revue des cas'] },
        { type: 'heading', level: 2, text: '1.1 Points saillants' },
        { type: 'bullets', items: ['Hausse des signalements', [{ text: 'Urgent :', bold: true }, ' placement temporaire']] },
        { type: 'heading', level: 3, text: 'Détail par cercle' },
        {
          type: 'table',
          columns: [
            { header: 'Cercle', width: 3 },
            { header: 'Cas', width: 1, align: 'right' },
            { header: 'Remarque', width: 3 },
          ],
          rows: [...manyRows, ['Total', '1980', '']],
          totalRow: true,
        },
        { type: 'figure', image: png(40, 20), width: 0.5, caption: 'Figure 1 — Cas par cercle' },
        { type: 'paragraph', style: 'note', text: 'Source : CPIMS+, mars 2025.' },
        { type: 'pageBreak' },
        { type: 'heading', level: 1, text: '2. Décisions' },
        { type: 'paragraph', text: 'Les décisions sont adoptées à l’unanimité.' },
      ],
    },
    {
      orientation: 'landscape',
      margin: 40,
      header: [{ type: 'paragraph', text: [{ text: 'ANNEXE — LISTE DES PRÉSENTS', bold: true }] }],
      blocks: [
        { type: 'heading', level: 1, text: 'Annexe' },
        {
          type: 'table',
          fontSize: 8,
          minRowHeight: 24,
          columns: [
            { header: 'Nom', width: 3 },
            { header: 'Structure', width: 2 },
            { header: 'Signature', width: 2, align: 'center' },
          ],
          rows: Array.from({ length: 30 }, (_, i) => [`Participant${String(i + 1).padStart(2, '0')}`, 'DRPFEF', '']),
        },
      ],
    },
  ],
}

async function readPdf(pdf: Buffer): Promise<{ pages: string[]; text: string; landscape: boolean[]; title: unknown }> {
  const document = await getDocumentProxy(new Uint8Array(pdf))
  const { text } = await extractText(document, { mergePages: false })
  const landscape: boolean[] = []
  for (let i = 1; i <= document.numPages; i++) {
    const viewport = (await document.getPage(i)).getViewport({ scale: 1 })
    landscape.push(viewport.width > viewport.height)
  }
  const { info } = await document.getMetadata()
  const pages = text.map((t) => t.replace(/\s+/g, ' '))
  return { pages, text: pages.join(' '), landscape, title: (info as { Title?: unknown }).Title }
}

async function readDocx(docx: Buffer): Promise<{ body: string; xml: string; headers: string; footers: string; media: string[] }> {
  const zip = await JSZip.loadAsync(docx)
  const read = async (pattern: RegExp) => (await Promise.all(Object.keys(zip.files).filter((n) => pattern.test(n)).map((n) => zip.file(n)!.async('string')))).join(' ')
  // The visible text: field codes (TOC, PAGE) are instructions to Word, not text.
  const text = (xml: string) =>
    xml
      .replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '')
      .replace(/<\/w:p>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
  const xml = await read(/^word\/document\.xml$/)
  return { body: text(xml), xml, headers: text(await read(/^word\/header\d*\.xml$/)), footers: await read(/^word\/footer\d*\.xml$/), media: Object.keys(zip.files).filter((n) => n.startsWith('word/media/')) }
}

describe('PDF renderer', async () => {
  const pdf = await renderPdf(sample, { letterhead: MINISTRY_LETTERHEAD, now: new Date('2025-03-12T10:00:00Z') })
  const { pages, text, landscape, title } = await readPdf(pdf)

  it('writes the title block, the letterhead on the first page only, and the metadata', () => {
    expect(pages[0]).toContain('RÉPUBLIQUE DU MALI — Un Peuple – Un But – Une Foi')
    expect(pages[0]).toContain('COMPTE RENDU Compte rendu de la réunion du cadre de concertation')
    expect(pages[0]).toContain('Date : 12 mars 2025 Lieu : Ségou')
    expect(pages.slice(1).join(' ')).not.toContain('RÉPUBLIQUE DU MALI')
    expect(title).toBe('Compte rendu de la réunion du cadre de concertation')
  })
  it('writes headings, emphasised paragraphs, both kinds of lists and the figure caption', () => {
    for (const fact of ['1. Ordre du jour', '1.1 Points saillants', 'Détail par cercle', 'La séance est ouverte par la directrice régionale, puis le point focal présente les cas.', '1. Lecture du compte rendu précédent 2. Revue des cas', '• Hausse des signalements • Urgent : placement temporaire', 'Figure 1 — Cas par cercle', 'Source : CPIMS+, mars 2025.']) {
      expect(text).toContain(fact)
    }
  })
  it('repeats the table header on each page the table runs over, down to its total row', () => {
    const withRows = pages.filter((p) => /Ligne \d\d/.test(p))
    expect(withRows.length).toBeGreaterThanOrEqual(2)
    for (const page of withRows) expect(page).toContain('Cercle Cas Remarque')
    expect(text).toContain('Ligne 45 88 Note 45')
    expect(text).toContain('Total 1980')
  })
  it('lists the level 1 and 2 headings with their pages in the table of contents', () => {
    const decisions = pages.findIndex((p) => p.includes('Les décisions sont adoptées'))
    expect(decisions).toBeGreaterThan(0)
    const annex = pages.findIndex((p) => p.includes('Participant01'))
    expect(pages[0]).toContain('Sommaire')
    // The entries are written once the pages are known, so they come last in the page's text.
    expect(pages[0]).toContain(`1. Ordre du jour 1 1.1 Points saillants 1 2. Décisions ${decisions + 1} Annexe ${annex + 1}`)
    expect(pages[0]).not.toMatch(/Détail par cercle \d/)
  })
  it('starts the annex on a landscape page with its running header on each of its pages', () => {
    const annex = pages.findIndex((p) => p.includes('Participant01'))
    expect(landscape.slice(0, annex).every((l) => !l)).toBe(true)
    expect(landscape.slice(annex).every(Boolean)).toBe(true)
    expect(pages.length - annex).toBeGreaterThanOrEqual(2)
    for (const page of pages.slice(annex)) expect(page).toContain('ANNEXE — LISTE DES PRÉSENTS')
    expect(pages.slice(0, annex).join(' ')).not.toContain('ANNEXE — LISTE DES PRÉSENTS')
    expect(text).toContain('Participant30')
  })
  it('numbers every page in the footer', () => {
    pages.forEach((page, i) => expect(page).toContain(`Compte rendu — cadre de concertation — Page ${i + 1} sur ${pages.length}`))
  })
  it('draws the running header above text that runs over to a new page by itself', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `Phrase ${i + 1} du procès-verbal, assez longue pour remplir la ligne.`).join(' ')
    const pdf = await renderPdf({ title: 'Procès-verbal', sections: [{ header: [{ type: 'paragraph', text: [{ text: 'EN-TÊTE COURANT', bold: true }] }], blocks: [{ type: 'paragraph', text: long }] }] })
    const minutes = await readPdf(pdf)
    expect(minutes.pages.length).toBeGreaterThanOrEqual(2)
    for (const page of minutes.pages) expect(page.startsWith('EN-TÊTE COURANT')).toBe(true)
    expect(minutes.text).toContain('Phrase 200 du procès-verbal')
    // On the second page the text goes on below the header, in its own (regular) font rather than the header's bold.
    const document = await getDocumentProxy(new Uint8Array(pdf))
    const items = async (n: number) => (await (await document.getPage(n)).getTextContent()).items as { str: string; fontName: string; transform: number[] }[]
    const [first, second] = [await items(1), await items(2)]
    const header = second.find((i) => i.str.includes('EN-TÊTE'))!
    const body = second.find((i) => i.str.includes('Phrase'))!
    expect(body.transform[5]!).toBeLessThan(header.transform[5]! - 10)
    expect(body.fontName).toBe(first.find((i) => i.str.includes('Phrase'))!.fontName)
    expect(body.fontName).not.toBe(header.fontName)
  })
  it('writes the words it adds itself in English when asked', async () => {
    const english = await readPdf(await renderPdf(sample, { locale: 'en' }))
    expect(english.pages[0]).toContain('Contents')
    expect(english.pages[0]).toContain(`Page 1 of ${english.pages.length}`)
    expect(english.text).not.toContain('RÉPUBLIQUE DU MALI')
  })
})

describe('DOCX renderer', async () => {
  const { body, xml, headers, footers, media } = await readDocx(await renderDocx(sample, { letterhead: MINISTRY_LETTERHEAD }))

  it('writes the letterhead, the title block, headings, paragraphs and lists', () => {
    expect(body.indexOf('RÉPUBLIQUE DU MALI')).toBeLessThan(body.indexOf('COMPTE RENDU'))
    for (const fact of ['Date : 12 mars 2025', '1. Ordre du jour', '1.1 Points saillants', 'Détail par cercle', 'La séance est ouverte par la directrice régionale, puis le point focal présente les cas.', 'Lecture du compte rendu précédent', 'Urgent : placement temporaire', 'Les décisions sont adoptées']) {
      expect(body).toContain(fact)
    }
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/)
    expect(xml).toMatch(/<w:b\/>.*la directrice régionale/)
    // Numbered items refer to the numbering; bullets to another one.
    expect(xml.match(/<w:numPr>/g)?.length).toBe(4)
  })
  it('writes the table cells with the header row repeated on every page', () => {
    expect(body).toContain('Cercle Cas Remarque')
    expect(body).toContain('Ligne 45 88 Note 45')
    expect(body).toContain('Participant30 DRPFEF')
    expect(xml).toContain('<w:tblHeader/>')
  })
  it('embeds the figure with its caption, the table of contents and the page break', () => {
    expect(media).toHaveLength(1)
    expect(body).toContain('Figure 1 — Cas par cercle')
    expect(xml).toContain('TOC \\h \\o &quot;1-2&quot;')
    expect(body).toMatch(/Sommaire 1\. Ordre du jour 1\.1 Points saillants 2\. Décisions Annexe/)
    expect(xml).toContain('<w:br w:type="page"/>')
  })
  it('puts the annex in a landscape section with its running header, and numbers the pages in the footer', () => {
    const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? []
    expect(sections).toHaveLength(2)
    expect(sections[0]).not.toContain('w:orient="landscape"')
    expect(sections[1]).toContain('w:orient="landscape"')
    expect(headers).toContain('ANNEXE — LISTE DES PRÉSENTS')
    expect(footers).toContain('Compte rendu — cadre de concertation — Page ')
    expect(footers).toContain('PAGE')
    expect(footers).toContain('NUMPAGES')
  })
})

describe('images and text', () => {
  it('reads the size of PNG images and refuses what is not an image', () => {
    expect(imageInfo(png(40, 20))).toEqual({ type: 'png', width: 40, height: 20 })
    expect(() => imageInfo(new TextEncoder().encode('<svg></svg>'))).toThrow(/PNG ou JPEG/)
  })
  it('keeps French accents and spells other letters in Latin for the PDF fonts', () => {
    expect(toWinAnsi('Élève « œuvre » — 96,7\u202f% ’')).toBe('Élève « œuvre » — 96,7\u00a0% ’')
    expect(toWinAnsi('Sɛgɔ Ŋɔni 😀')).toBe('Sego Ngoni ')
  })
})
