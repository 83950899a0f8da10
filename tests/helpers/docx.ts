import JSZip from 'jszip'

/** The visible text of a DOCX body, paragraphs separated by a space, whitespace collapsed (for assertions on generated documents). */
export async function docxText(docx: Uint8Array | Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx)
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  return xml
    .replace(/<\/w:p>/g, ' ')
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/\s+/g, ' ')
}
