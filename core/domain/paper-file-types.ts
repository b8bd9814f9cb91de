import type { FieldProblem } from './errors';

/**
 * The document types a trust's papers come in (a head's report in Word or PDF, data in Excel or
 * CSV, slides, a scanned page or photo, plain text), each with the content a real file of that
 * type has. A name alone proves nothing: the bytes must agree with it. Anything that can run script
 * in a browser (HTML, SVG, XML, JavaScript) or carries macros (.docm, .xlsm, .pptm) is refused.
 */
export interface PaperFileType {
  /** Lower-case, without the dot. */
  extension: string;
  /** What it is served as (never the type the uploader claimed). */
  mime: string;
  /**
   * What content sniffing (`file-type`) must find: its MIME types, or `text` for formats with no
   * signature (plain text, CSV), which must then be valid UTF-8 without NUL bytes.
   */
  content: readonly string[] | 'text';
}

const OOXML = (kind: string) => `application/vnd.openxmlformats-officedocument.${kind}`;
/** Word 97–2003, Excel 97–2003 and PowerPoint 97–2003 files are all OLE compound files; `file-type` reports them as `application/x-cfb`. */
const COMPOUND = ['application/x-cfb'];

export const PAPER_FILE_TYPES: readonly PaperFileType[] = [
  { extension: 'pdf', mime: 'application/pdf', content: ['application/pdf'] },
  { extension: 'docx', mime: OOXML('wordprocessingml.document'), content: [OOXML('wordprocessingml.document')] },
  { extension: 'doc', mime: 'application/msword', content: COMPOUND },
  { extension: 'xlsx', mime: OOXML('spreadsheetml.sheet'), content: [OOXML('spreadsheetml.sheet')] },
  { extension: 'xls', mime: 'application/vnd.ms-excel', content: COMPOUND },
  { extension: 'pptx', mime: OOXML('presentationml.presentation'), content: [OOXML('presentationml.presentation')] },
  { extension: 'ppt', mime: 'application/vnd.ms-powerpoint', content: COMPOUND },
  { extension: 'png', mime: 'image/png', content: ['image/png'] },
  { extension: 'jpg', mime: 'image/jpeg', content: ['image/jpeg'] },
  { extension: 'jpeg', mime: 'image/jpeg', content: ['image/jpeg'] },
  { extension: 'gif', mime: 'image/gif', content: ['image/gif'] },
  { extension: 'webp', mime: 'image/webp', content: ['image/webp'] },
  { extension: 'heic', mime: 'image/heic', content: ['image/heic', 'image/heif'] },
  { extension: 'txt', mime: 'text/plain; charset=utf-8', content: 'text' },
  { extension: 'csv', mime: 'text/csv; charset=utf-8', content: 'text' },
];

const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
};

/** The paper type a file name says, if it is one the app accepts. */
export const paperFileTypeOf = (fileName: string): PaperFileType | undefined =>
  PAPER_FILE_TYPES.find((t) => t.extension === extensionOf(fileName));

const ACCEPTED = 'PDF, Word, Excel, PowerPoint, an image (PNG, JPEG, GIF, WebP, HEIC), plain text or CSV';

/** Plain text: valid UTF-8 (a byte-order mark is fine) with no NUL bytes. */
export function looksLikeText(content: Uint8Array): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/**
 * Problems with a paper's type: its name must be an accepted type, and what sniffing found in the
 * bytes (`sniffed`, undefined when no signature matched) must be that type.
 */
export function paperContentProblems(fileName: string, content: Uint8Array, sniffed: { mime: string } | undefined): FieldProblem[] {
  const type = paperFileTypeOf(fileName);
  if (!type)
    return [{ field: 'fileName', message: `papers can be ${ACCEPTED}; "${extensionOf(fileName) || 'no extension'}" is not one of them` }];
  const matches =
    type.content === 'text'
      ? sniffed === undefined && looksLikeText(content)
      : sniffed !== undefined && type.content.includes(sniffed.mime);
  if (matches) return [];
  return [
    {
      field: 'contentBase64',
      message: `the file's content is not a .${type.extension} file${sniffed ? ` (it looks like ${sniffed.mime})` : ''}; papers can be ${ACCEPTED}`,
    },
  ];
}
