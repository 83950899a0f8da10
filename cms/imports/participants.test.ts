import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { IMPORT_COLUMNS, importTemplate, MAX_IMPORT_ERRORS, MAX_IMPORT_ROWS, NOT_A_SPREADSHEET, parseParticipantsFile, type TImportError } from './participants.ts'

const DAYS = ['2024-09-17', '2024-09-18', '2024-09-19', '2024-09-20', '2024-09-21']
const context = {
  days: DAYS,
  organisations: ['DNPEF', 'TDH', 'UNICEF', 'Kanuya', 'IRC', 'SAMU SOCIAL Mali', 'DNAPE', 'ENDA Mali', 'GARDL'],
  regions: ['Bamako', 'Kayes', 'Koulikoro', 'Sikasso', 'Ségou', 'Mopti', 'Tombouctou', 'Gao'],
}
const HEADER = [...IMPORT_COLUMNS, ...DAYS]

/** A row in the fixed column order, then the five days. */
function row(over: Partial<Record<(typeof IMPORT_COLUMNS)[number], unknown>> = {}, days: unknown[] = ['P', 'P', 'P', 'P', 'P']): unknown[] {
  const base: Record<string, unknown> = {
    Prénom: 'Aminata',
    Nom: 'Traoré',
    Sexe: 'F',
    Fonction: 'Gestionnaire de cas',
    Structure: 'DNPEF',
    Région: 'Bamako',
    Téléphone: '76 12 34 56',
    'E-mail': '',
    'Pré-test': 45,
    'Post-test': 80,
    ...over,
  }
  return [...IMPORT_COLUMNS.map((c) => base[c]), ...days]
}

async function xlsx(rows: unknown[][], sheetName = 'Participants'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  for (const r of rows) sheet.addRow(r)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function csv(rows: unknown[][], delimiter = ';', bom = true): Buffer {
  const quote = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v)
    return /[";,\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return Buffer.from(`${bom ? '\uFEFF' : ''}${rows.map((r) => r.map(quote).join(delimiter)).join('\r\n')}\r\n`, 'utf8')
}

const parse = (data: Buffer, name = 'participants.xlsx', onProgress?: (done: number, total: number) => void) => parseParticipantsFile({ name, data }, context, onProgress)

async function errorsOf(data: Buffer, name?: string): Promise<TImportError[]> {
  const result = await parse(data, name)
  if (result.ok) throw new Error('import accepté à tort')
  return result.errors
}

describe('parseParticipantsFile — valid files', () => {
  it('reads an XLSX file, whatever the column order and header case, and normalises values', async () => {
    // Columns shuffled, headers without accents or in capitals, a day header typed as a date by the spreadsheet.
    const header = ['NOM', 'prenom', 'Sexe', 'Fonction', 'structure', 'Region', 'Telephone', 'E-MAIL', 'Pre-test', 'Post-test', new Date(Date.UTC(2024, 8, 17)), ...DAYS.slice(1)]
    const data = await xlsx([
      header,
      ['Traoré', ' Aïssata ', 'Femme', 'Gestionnaire de cas', 'unicef', 'segou', '+223 76 12 34 56', 'A.Traore@Unicef.org', '75,5', 80, 'p', 'R', '', 'e', 'A'],
      ['Diarra', 'Oumar', 'h', 'Superviseur', 'SAMU social mali', 'BAMAKO', 22366001122, null, null, null, 'P', 'P', 'P', 'P', 'P'],
    ])
    const result = await parse(data)
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          firstName: 'Aïssata',
          lastName: 'Traoré',
          sex: 'F',
          function: 'Gestionnaire de cas',
          organisation: 'UNICEF',
          region: 'Ségou',
          phone: '76123456',
          email: 'a.traore@unicef.org',
          preTest: 75.5,
          postTest: 80,
          attendance: [
            { date: '2024-09-17', status: 'present' },
            { date: '2024-09-18', status: 'late' },
            { date: '2024-09-20', status: 'excused' },
            { date: '2024-09-21', status: 'absent' },
          ],
        },
        {
          row: 3,
          firstName: 'Oumar',
          lastName: 'Diarra',
          sex: 'M',
          function: 'Superviseur',
          organisation: 'SAMU SOCIAL Mali',
          region: 'Bamako',
          phone: '66001122',
          email: null,
          preTest: null,
          postTest: null,
          attendance: DAYS.map((date) => ({ date, status: 'present' })),
        },
      ],
    })
  })

  it('reads CSV with or without BOM, with ";" or "," and quoted cells', async () => {
    const rows = [HEADER, row({ Fonction: 'Chargée de protection; cas' }), row({ Prénom: 'Oumar', Nom: 'Diarra', Sexe: 'M', Téléphone: '', 'Pré-test': '60,5' })]
    for (const data of [csv(rows, ';', true), csv(rows, ',', false)]) {
      const result = await parse(data, 'participants.csv')
      expect(result.ok).toBe(true)
      if (!result.ok) continue
      expect(result.rows.map((r) => [r.row, r.firstName, r.function, r.preTest, r.phone])).toEqual([
        [2, 'Aminata', 'Chargée de protection; cas', 45, '76123456'],
        [3, 'Oumar', 'Gestionnaire de cas', 60.5, null],
      ])
    }
  })

  it('skips fully empty rows and keeps spreadsheet row numbers', async () => {
    const result = await parse(await xlsx([HEADER, row(), [], row({ Prénom: 'Oumar', Nom: 'Diarra', Téléphone: '66 00 11 22' })]))
    expect(result.ok && result.rows.map((r) => r.row)).toEqual([2, 4])
    const fromCsv = await parse(Buffer.from(`${HEADER.join(';')}\n${row().join(';')}\n;;;;\n\n${row({ Nom: 'Diarra', Téléphone: '66001122' }).join(';')}\n`), 'p.csv')
    expect(fromCsv.ok && fromCsv.rows.map((r) => r.row)).toEqual([2, 5])
  })

  it('reports progress every 100 rows and at the end', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => row({ Prénom: `P${i}`, Téléphone: String(70000000 + i) }))
    const calls: [number, number][] = []
    const result = await parse(csv([HEADER, ...rows]), 'p.csv', (done, total) => calls.push([done, total]))
    expect(result.ok && result.rows).toHaveLength(250)
    expect(calls).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ])
  })
})

describe('parseParticipantsFile — refused files', () => {
  it('names missing and unknown columns', async () => {
    const header = HEADER.filter((h) => h !== 'Sexe' && h !== '2024-09-19').concat('Commentaire')
    const errors = await errorsOf(await xlsx([header, ['Aminata']]))
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'Commentaire'],
      [1, 'Sexe'],
      [1, '2024-09-19'],
    ])
    expect(errors[0]?.message).toMatch(/^Colonne inconnue : « Commentaire » \(colonne N\)/)
    expect(errors[1]?.message).toBe('Colonne manquante : « Sexe ». Ajoutez-la à la première ligne (voir le modèle d’import), même si elle reste vide.')
    expect(errors[2]?.message).toMatch(/jour du 19 septembre 2024/)
  })

  it('refuses a day column outside the training, an invalid date and a duplicated column', async () => {
    const errors = await errorsOf(await xlsx([[...HEADER, '2024-09-25', '2024-02-30', 'Nom'], row()]))
    expect(errors.map((e) => e.column)).toEqual(['2024-09-25', '2024-02-30', 'Nom'])
    expect(errors[0]?.message).toContain('ne correspond à aucun jour de la formation (du 17 au 21 septembre 2024)')
    expect(errors[1]?.message).toContain('En-tête de date invalide')
    expect(errors[2]?.message).toContain('Colonne en double : « Nom » (colonnes B et R)')
  })

  it('refuses an unknown organisation with its fix', async () => {
    const errors = await errorsOf(await xlsx([HEADER, row(), row({ Prénom: 'Oumar', Téléphone: '66001122', Structure: 'ONG Inconnue' })]))
    expect(errors).toEqual([{ row: 3, column: 'Structure', message: 'Structure inconnue : « ONG Inconnue ». Utilisez le sigle d’une structure existante.' }])
  })

  it('refuses a sex outside F/M, and collects every error of every row', async () => {
    const errors = await errorsOf(
      await xlsx([
        HEADER,
        row({ Sexe: 'X' }),
        row({ Prénom: '', Nom: 'Diarra', Téléphone: '12', 'E-mail': 'pas-une-adresse', 'Pré-test': 101, 'Post-test': 'abc', Région: 'Paris' }, ['P', 'Z', '', '', '']),
      ]),
    )
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Sexe'],
      [3, 'Prénom'],
      [3, 'Région'],
      [3, 'Téléphone'],
      [3, 'E-mail'],
      [3, 'Pré-test'],
      [3, 'Post-test'],
      [3, '2024-09-18'],
    ])
    expect(errors[0]?.message).toBe('Sexe invalide : « X ». Indiquez F (femme) ou M (homme).')
    expect(errors.find((e) => e.column === 'Région')?.message).toMatch(/^Région inconnue : « Paris »/)
    expect(errors.find((e) => e.column === 'Pré-test')?.message).toMatch(/entre 0 et 100/)
    expect(errors.find((e) => e.column === '2024-09-18')?.message).toMatch(/^Présence invalide : « Z »/)
  })

  it('refuses duplicated rows on the later row, citing the earlier one', async () => {
    const errors = await errorsOf(
      await xlsx([
        HEADER,
        row(),
        row({ Prénom: 'Oumar', Nom: 'Diarra', Sexe: 'M', Téléphone: '', 'E-mail': '' }),
        // Same person as row 2: name in capitals and without accent, phone written with +223.
        row({ Prénom: 'AMINATA', Nom: 'TRAORE', Téléphone: '+223 76123456' }),
        // Same name as row 2 but another phone: two people.
        row({ Téléphone: '66 00 00 00' }),
        // Same bare name as row 3, neither has a phone or an e-mail.
        row({ Prénom: 'Oumar', Nom: 'Diarra', Sexe: 'M', Téléphone: '', 'E-mail': '' }),
      ]),
    )
    expect(errors).toEqual([
      { row: 4, column: null, message: 'Doublon : ce participant figure déjà à la ligne 2 (même nom et même téléphone). Supprimez l’une des deux lignes.' },
      { row: 6, column: null, message: 'Doublon : ce participant figure déjà à la ligne 3 (même nom, sans téléphone ni e-mail pour les distinguer). Supprimez l’une des deux lignes.' },
    ])
  })

  it('refuses a 50,000-row file at once, without validating any row', async () => {
    const line = row().join(';')
    const data = Buffer.from(`${HEADER.join(';')}\n${`${line}\n`.repeat(50_000)}`)
    let progress = 0
    const result = await parse(data, 'enorme.csv', () => (progress += 1))
    expect(result).toEqual({ ok: false, errors: [{ row: null, column: null, message: 'Le fichier contient 50 000 lignes : la limite est de 2 000 lignes par import.' }] })
    expect(progress).toBe(0)
  })

  it('refuses an XLSX file just over the limit', async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => row())
    const errors = await errorsOf(await xlsx([HEADER, ...rows]))
    expect(errors).toEqual([{ row: null, column: null, message: 'Le fichier contient 2 001 lignes : la limite est de 2 000 lignes par import.' }])
    // Writing then reading a 2,001-row workbook takes seconds on a busy 2-core machine: not a speed check.
  }, 30_000)

  it('caps the error list at 200', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => row({ Prénom: `P${i}`, Sexe: '?' }))
    const errors = await errorsOf(await xlsx([HEADER, ...rows]))
    expect(errors).toHaveLength(MAX_IMPORT_ERRORS)
    expect(errors[0]).toMatchObject({ row: 2, column: 'Sexe' })
    expect(errors.at(-1)).toMatchObject({ row: null, message: expect.stringMatching(/^Plus de 200 erreurs/) })
  })

  it('refuses files that are not spreadsheets', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8cf00000301010018dd8db40000000049454e44ae426082', 'hex')
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
    const text = Buffer.from('Liste des participants\nAminata Traoré présente tous les jours\nOumar Diarra\n')
    const docx = await (async () => {
      const { Document, Packer, Paragraph } = await import('docx')
      return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Participants')] }] }))
    })()
    for (const [data, name] of [
      [png, 'participants.xlsx'],
      [pdf, 'participants.csv'],
      [text, 'participants.csv'],
      [docx, 'participants.xlsx'],
    ] as const) {
      expect(await errorsOf(data, name)).toEqual([{ row: null, column: null, message: NOT_A_SPREADSHEET }])
    }
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)])
    expect((await errorsOf(xls))[0]?.message).toMatch(/^Le fichier n’est pas un tableur XLSX ou CSV valide\. Les classeurs Excel 97-2003/)
  })

  it('refuses a CSV that is not UTF-8, saying how to export it', async () => {
    const latin1 = Buffer.from(`${HEADER.join(';')}\n${row().join(';')}\n`, 'latin1')
    expect((await errorsOf(latin1, 'p.csv'))[0]?.message).toMatch(/n’est pas encodé en UTF-8.*CSV UTF-8/)
  })

  it('refuses empty files and files without participants', async () => {
    expect((await errorsOf(Buffer.alloc(0), 'vide.csv'))[0]?.message).toMatch(/^Le fichier est vide/)
    expect((await errorsOf(Buffer.from('\uFEFF\r\n\r\n'), 'vide.csv'))[0]?.message).toMatch(/^Le fichier est vide/)
    expect((await errorsOf(await xlsx([]), 'vide.xlsx'))[0]?.message).toMatch(/^Le fichier est vide/)
    expect((await errorsOf(await xlsx([HEADER]), 'entete.xlsx'))[0]?.message).toMatch(/aucun participant/)
    expect((await errorsOf(await xlsx([[], HEADER, row()]), 'decale.xlsx'))[0]?.message).toMatch(/^La première ligne doit contenir les en-têtes/)
  })
})

describe('importTemplate', () => {
  const templateContext = { title: 'Formation des formateurs sur la gestion des cas et CPIMS+', ...context }

  it('has the headers, the day columns and one valid example row', async () => {
    const template = await importTemplate(templateContext)
    const result = await parse(template, 'modele.xlsx')
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          firstName: 'Aminata',
          lastName: 'Traoré',
          sex: 'F',
          function: 'Gestionnaire de cas',
          organisation: 'DNPEF',
          region: 'Bamako',
          phone: '76123456',
          email: 'aminata.traore@exemple.org',
          preTest: 45,
          postTest: 80,
          attendance: DAYS.map((date, i) => ({ date, status: i === 1 ? 'late' : 'present' })),
        },
      ],
    })
  })

  it('explains the rules and lists the allowed values in "Consignes"', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await importTemplate(templateContext)) as unknown as Parameters<typeof workbook.xlsx.load>[0])
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Participants', 'Consignes'])
    expect(workbook.getWorksheet('Participants')?.getRow(1).values).toEqual([undefined, ...HEADER])
    const guide: string[] = []
    workbook.getWorksheet('Consignes')?.eachRow((r) => guide.push((r.values as unknown[]).filter(Boolean).join(' | ')))
    const text = guide.join('\n')
    expect(text).toContain('Sexe : F (femme) ou M (homme).')
    expect(text).toContain('P présent, A absent, R retard, E excusé')
    expect(text).toContain('score de 0 à 100')
    expect(text).toContain('IRC | Ségou | 2024-09-21 (21 septembre 2024)')
    expect(text).toContain('2024-09-17 (17 septembre 2024)')
  })
})
