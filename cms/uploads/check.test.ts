import { describe, expect, it } from 'vitest'
import { DOCUMENT_POLICY, uploadProblem } from './check.ts'

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

describe('uploadProblem', () => {
  it('accepts a real PDF named .pdf', async () => {
    expect(await uploadProblem({ name: 'guide.pdf', size: pdf.length, data: pdf }, DOCUMENT_POLICY)).toBeNull()
  })
  it('refuses a text file named .pdf, in French', async () => {
    const fake = Buffer.from('ceci n’est pas un PDF')
    expect(await uploadProblem({ name: 'faux.pdf', size: fake.length, data: fake }, DOCUMENT_POLICY)).toMatch(/n’est pas un fichier PDF/)
  })
  it('refuses a PDF named .docx', async () => {
    expect(await uploadProblem({ name: 'guide.docx', size: pdf.length, data: pdf }, DOCUMENT_POLICY)).toMatch(/ne correspond pas au contenu/)
  })
  it('refuses a truncated PDF', async () => {
    const cut = pdf.subarray(0, 20)
    expect(await uploadProblem({ name: 'coupe.pdf', size: cut.length, data: cut }, DOCUMENT_POLICY)).toMatch(/incomplet/)
  })
  it('refuses an oversized file before reading it', async () => {
    expect(await uploadProblem({ name: 'gros.pdf', size: 30 * 1024 * 1024, data: pdf }, DOCUMENT_POLICY)).toMatch(/trop volumineux/)
  })
})
