import JSZip from 'jszip';

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** A Word document's paragraphs as text, in order (table cells are paragraphs too), read from `word/document.xml`. */
export async function docxParagraphs(content: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1]!.replace(/&(lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e]!))
      .join(''),
  );
}

/** The paragraphs styled as a heading of this level ("Heading1"), by their text. */
export async function docxHeadings(content: Uint8Array, level: 1 | 2 | 3): Promise<string[]> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .filter((p) => p[0].includes(`<w:pStyle w:val="Heading${level}"/>`))
    .map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((t) => t[1]!)
        .join('')
        .replace(/&amp;/g, '&')
        .replace(/&apos;/g, "'"),
    );
}
