import { extractText, getDocumentProxy } from 'unpdf'

/** The text of a PDF, pages joined, whitespace collapsed (for assertions on generated documents). */
export async function pdfText(data: Uint8Array | Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(data))
  const { text } = await extractText(pdf, { mergePages: true })
  return text.replace(/\s+/g, ' ')
}
