import { z } from 'zod';
import { ForbiddenError, NotFoundError, parseOrThrow, ValidationError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import type { Refused } from '../domain/outcome';
import { isPaperIn } from '../domain/paper-deadlines';
import { notThePapersActor, submitPaper, type SubmitPaperCode } from '../domain/paper-submissions';
import type { Person } from '../domain/people';
import { MAX_PAPER_BYTES, type PaperFile, type PaperFiles } from '../ports/paper-files.port';
import type { Stored } from '../ports/record-store.port';
import { requireAcademyAccess, type ServiceDeps } from './service-context';

export const paperUploadBodySchema = z.object({
  fileName: z.string().max(200),
  /** The file, base64-encoded (JSON bodies only; larger papers go straight into the folder). */
  contentBase64: z.string().min(1, 'choose a file to upload').max(Math.ceil((MAX_PAPER_BYTES * 4) / 3) + 4, 'the file is over 4 MB; put it in the meeting’s folder directly'),
  version: z.string().min(1),
});

/** The meeting's papers folder, for cards and the tab to link to (Adaptive Cards cannot upload files). */
export async function paperFolderLink(deps: ServiceDeps, papers: PaperFiles, viewer: Person, meetingId: string): Promise<{ link: string; files: PaperFile[] }> {
  const meeting = await deps.store.meetings.get(meetingId);
  if (!meeting) throw new NotFoundError('meeting', meetingId);
  requireAcademyAccess(viewer, meeting.academyId, 'read');
  return { link: await papers.folderLink(meetingId), files: await papers.list(meetingId) };
}

/**
 * Puts a paper's file in the meeting's folder and marks the paper in, linked to the file. A paper
 * already in keeps its submission and gets the new file (same name replaces). Refusals (not a paper
 * of this meeting, a cancelled meeting) happen before anything is uploaded.
 */
export async function uploadPaper(
  deps: ServiceDeps,
  papers: PaperFiles,
  viewer: Person,
  meetingId: string,
  requirementId: string,
  body: unknown,
): Promise<{ ok: true; meeting: Stored<Meeting>; file: PaperFile } | Refused<SubmitPaperCode>> {
  const input = parseOrThrow(paperUploadBodySchema, body, 'paper upload');
  const meeting = await deps.store.meetings.get(meetingId);
  if (!meeting) throw new NotFoundError('meeting', meetingId);
  requireAcademyAccess(viewer, meeting.academyId, 'write');
  const notActor = notThePapersActor(viewer, meeting, requirementId, 'mark-in');
  if (notActor) throw new ForbiddenError(notActor);
  const now = deps.clock.now().toISOString();
  const already = meeting.papers.find((p) => p.requirementId === requirementId);
  const check = submitPaper(meeting, requirementId, { by: viewer.id, now });
  if (!check.ok && !(check.code === 'PAPER.ALREADY_IN' && already)) return check;
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.byteLength === 0) throw new ValidationError([{ field: 'contentBase64', message: 'the file is empty or not base64' }], 'paper upload');
  const file = await papers.upload(meetingId, input.fileName, content);
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
