import type { CallOptions } from './record-store.port';

export interface PaperFile {
  name: string;
  size: number;
  /** Where a person opens the file. */
  link: string;
}

/**
 * Heads' papers as files in their meeting's folder (SharePoint document library in production, a
 * local folder locally). Adaptive Cards cannot upload files, so cards and the tab link to the folder.
 */
export interface PaperFiles {
  /** The meeting's folder, made if it is not there yet. */
  folderLink(meetingId: string, options?: CallOptions): Promise<string>;
  /** Stores a file in the meeting's folder; a file of the same name is replaced. */
  upload(meetingId: string, fileName: string, content: Uint8Array, options?: CallOptions): Promise<PaperFile>;
  /** The files in the meeting's folder, by name. */
  list(meetingId: string, options?: CallOptions): Promise<PaperFile[]>;
  /**
   * One file's bytes, undefined when there is none of that name. Only where the app itself serves
   * papers (the local folder, through the API with role × academy checked); absent where the store
   * serves them itself (SharePoint links open in SharePoint, which checks its own permissions).
   */
  read?(meetingId: string, fileName: string, options?: CallOptions): Promise<Uint8Array | undefined>;
}

export { DEFAULT_PAPER_LIMIT_MB, MAX_JSON_PAPER_BYTES, megabytes, PAPER_LIMIT_CEILING_MB } from '../domain/paper-limits';
