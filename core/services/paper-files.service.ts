import { fileTypeFromBuffer } from 'file-type/core';
import { z } from 'zod';
import { ConflictError, NotFoundError, parseOrThrow, ValidationError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import type { Refused } from '../domain/outcome';
import { isPaperIn } from '../domain/paper-deadlines';
import { paperFileNameProblems } from '../domain/paper-file-name';
import { paperContentProblems, paperFileTypeOf } from '../domain/paper-file-types';
import { submitPaper, type SubmitPaperCode } from '../domain/paper-submissions';
import { parseLabelled } from '../domain/field-labels';
import type { Person } from '../domain/people';
import { paperLimitMbOf } from '../domain/trust-settings';
import { MAX_JSON_PAPER_BYTES, megabytes, type PaperFile, type PaperFiles } from '../ports/paper-files.port';
import type { Stored } from '../ports/record-store.port';
import { meetingFor, meetingForPaper } from './meeting-writes';
import { loadTrust, type ServiceDeps } from './service-context';
import { describeRecord } from './record-names';

const TOO_BIG_FOR_JSON = 'the file is over 4 MB: send it as the file itself (PUT …/file), not base64 in JSON';

export const paperUploadBodySchema = z.object({
  fileName: z.string().max(200),
  /** The file, base64-encoded: papers up to 4 MB (the API's JSON bodies are at most 6 MB); larger ones go by `uploadPaperFile`. */
  contentBase64: z
    .string()
    .min(1, 'choose a file to upload')
    .max(Math.ceil((MAX_JSON_PAPER_BYTES * 4) / 3) + 4, TOO_BIG_FOR_JSON),
  version: z.string().min(1),
});

/** A paper sent as the file itself (`application/octet-stream`): its name and the meeting's version travel in the query string. */
export const paperFileQuerySchema = z.object({
  fileName: z.string().min(1, 'the file needs a name').max(200).meta({ title: 'File name' }),
  version: z.string().min(1).meta({ title: 'Version' }),
});

/** A meeting's papers folder: where it is, and what is in it. */
export interface PaperFolder {
  link: string;
  files: PaperFile[];
}

/** The meeting's papers folder, for cards and the tab to link to (Adaptive Cards cannot upload files). */
export async function paperFolderLink(deps: ServiceDeps, papers: PaperFiles, viewer: Person, meetingId: string): Promise<PaperFolder> {
  await meetingFor(deps, viewer, meetingId, 'read');
  return { link: await papers.folderLink(meetingId), files: await papers.list(meetingId) };
}

/** "Head report.docx" taken → "Head report (2).docx", then (3)…; SharePoint compares names without regard to case. */
export function freeFileName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  const dot = wanted.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** What sniffing the bytes finds (`file-type`: magic numbers, and the parts inside an Office zip). */
const sniff = async (content: Uint8Array): Promise<{ mime: string } | undefined> => {
  const found = await fileTypeFromBuffer(content);
  return found ? { mime: found.mime } : undefined;
};

/**
 * Puts a paper's file in the meeting's folder and marks the paper in, linked to the file. A paper
 * already in keeps its submission and gets the new file. Every check runs before anything is
 * written: who may upload, a stale `version` (409), the paper's state, the file's name, size and
 * type (its content sniffed, not only its extension). A file of the same name is never replaced:
 * the new one is saved as "name (2).ext".
 */
export async function uploadPaper(
  deps: ServiceDeps,
  papers: PaperFiles,
  viewer: Person,
  paper: PaperRef,
  body: unknown,
): Promise<PaperUploaded> {
  const input = parseOrThrow(paperUploadBodySchema, body, 'paper upload');
  const content = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
  if (content.byteLength > MAX_JSON_PAPER_BYTES)
    throw new ValidationError([{ field: 'contentBase64', message: TOO_BIG_FOR_JSON }], 'paper upload');
  return storePaper(deps, papers, viewer, paper, { ...input, content, field: 'contentBase64' });
}

/**
 * The same upload with the file as the request body (any size up to the trust's limit, which the
 * SharePoint adapter sends in an upload session past 4 MB); the tab uses this for every paper.
 */
export async function uploadPaperFile(
  deps: ServiceDeps,
  papers: PaperFiles,
  viewer: Person,
  paper: PaperRef,
  file: { query: unknown; content: Uint8Array | undefined },
): Promise<PaperUploaded> {
  const { query, content } = file;
  // Who may upload is checked before what was sent, so a person with no role at the academy learns nothing from a 400.
  await meetingForPaper(deps, viewer, paper.meetingId, paper.requirementId, 'mark-in');
  const input = parseLabelled(paperFileQuerySchema, query, 'paper upload');
  if (!content)
    throw new ValidationError(
      [{ field: 'file', message: 'send the file as the request body, with Content-Type: application/octet-stream' }],
      'paper upload',
    );
  return storePaper(deps, papers, viewer, paper, { ...input, content, field: 'file' });
}

/** One paper of one meeting. */
export interface PaperRef {
  meetingId: string;
  requirementId: string;
}

type PaperUploaded = { ok: true; meeting: Stored<Meeting>; file: PaperFile } | Refused<SubmitPaperCode>;

async function storePaper(
  deps: ServiceDeps,
  papers: PaperFiles,
  viewer: Person,
  { meetingId, requirementId }: PaperRef,
  input: { fileName: string; version: string; content: Uint8Array; field: 'contentBase64' | 'file' },
): Promise<PaperUploaded> {
  const { content, field } = input;
  const nameProblems = paperFileNameProblems(input.fileName);
  if (nameProblems.length) throw new ValidationError(nameProblems, 'paper upload');
  const meeting = await meetingForPaper(deps, viewer, meetingId, requirementId, 'mark-in');
  // The stale-version check the store would make on update, made first, so a refused upload writes no file.
  if (meeting.version !== input.version)
    throw new ConflictError('meeting', meetingId, { described: await describeRecord(deps.store, 'meetings', meeting) });
  const now = deps.clock.now().toISOString();
  const already = meeting.papers.find((p) => p.requirementId === requirementId);
  const check = submitPaper(meeting, requirementId, { by: viewer.id, now });
  if (!check.ok && !(check.code === 'PAPER.ALREADY_IN' && already)) return check;
  if (content.byteLength === 0)
    throw new ValidationError(
      [{ field, message: field === 'file' ? 'the file is empty' : 'the file is empty or not base64' }],
      'paper upload',
    );
  const limitMb = paperLimitMbOf((await loadTrust(deps)).settings);
  if (content.byteLength > megabytes(limitMb))
    throw new ValidationError(
      [{ field, message: `the file is over ${limitMb} MB, the trust's limit; put it in the meeting’s folder directly` }],
      'paper upload',
    );
  const typeProblems = paperContentProblems(input.fileName, content, await sniff(content));
  if (typeProblems.length) throw new ValidationError(typeProblems, 'paper upload');
  const fileName = freeFileName(
    input.fileName,
    (await papers.list(meetingId)).map((f) => f.name),
  );
  const file = await papers.upload(meetingId, fileName, content);
  const next: Meeting =
    already && isPaperIn(already)
      ? { ...meeting, papers: meeting.papers.map((p) => (p.requirementId === requirementId ? { ...p, link: file.link } : p)) }
      : (() => {
          const done = submitPaper(meeting, requirementId, { by: viewer.id, now, link: file.link });
          if (!done.ok) throw new Error(done.message); // checked above
          return done.meeting;
        })();
  const saved = await deps.store.meetings.update({ ...next, version: input.version });
  return { ok: true, meeting: saved, file };
}

/** A paper's bytes for someone who may see its meeting, with the type it is served as (never what the uploader claimed). */
export interface PaperDownload {
  fileName: string;
  mime: string;
  content: Uint8Array;
}

/**
 * One paper of a meeting, for whoever may see the meeting (role × academy). A name the app would
 * not have stored is a 400 naming `fileName`; an unknown file, or a store that serves its own
 * files (SharePoint), is a 404.
 */
export async function readPaperFile(
  deps: ServiceDeps,
  papers: PaperFiles,
  viewer: Person,
  meetingId: string,
  fileName: string,
): Promise<PaperDownload> {
  const problems = paperFileNameProblems(fileName);
  if (problems.length) throw new ValidationError(problems, 'paper');
  await meetingFor(deps, viewer, meetingId, 'read');
  const content = papers.read ? await papers.read(meetingId, fileName) : undefined;
  if (!content) throw new NotFoundError('paper', fileName);
  return { fileName, mime: paperFileTypeOf(fileName)?.mime ?? 'application/octet-stream', content };
}
