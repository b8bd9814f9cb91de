import { z } from 'zod';
import { ForbiddenError, NotFoundError, parseOrThrow } from '../../domain/errors';
import type { Person } from '../../domain/people';
import { canPlanMeetings, seesWholeTrust } from '../../domain/permissions';
import { termSchema } from '../../domain/school-year/school-calendar';
import type { AuditLog } from '../../ports/audit-log.port';
import type { PaperFiles } from '../../ports/paper-files.port';
import { addDays } from '../../domain/local-date';
import { TRUST_MEETING_ACADEMY_ID } from '../../domain/meeting';
import { boardMeetingKinds, isPackDue, nextBoardMeeting } from './board-meetings';
import { visibleAcademyInputs } from '../academy-status.service';
import { freeFileName } from '../paper-files.service';
import { loadTrust, type ServiceDeps } from '../service-context';
import { boardPackFileName, renderBoardPack } from './board-pack-document';
import { boardPackFigures, snapshotOf, type BoardPackFigures, type PackSnapshot } from './board-pack-figures';
import { boardPackRecords, packEntry, type BoardPackRecord, type PackTrigger } from './board-pack-records';
import { boardDateFor, boardFolderOf, packDueOn, termOf, termsOf, type PackTerm } from './board-pack-term';
import { boardPackListItem } from '../mappers/board-pack.mapper';

export interface BoardPackDeps extends ServiceDeps {
  audit: { log: AuditLog; newId: () => string };
  papers: PaperFiles;
}

/** The pack covers every academy: only those who see the whole trust read it (a head must never get other academies). */
function requireTrustReader(viewer: Person): void {
  if (!seesWholeTrust(viewer))
    throw new ForbiddenError('Only the trust’s board, CEO and improvement team can see board packs: a pack covers every academy.');
}

export const generateBoardPackBodySchema = z
  .object({
    term: termSchema
      .optional()
      .meta({ title: 'Term', description: 'autumn, spring or summer of this school year; the current term when absent' }),
  })
  .strict();

/** The term a pack is for: the one asked for in this school year, else the term today falls in. */
async function packTerm(deps: ServiceDeps, wanted?: PackTerm['term']): Promise<PackTerm> {
  const trust = await loadTrust(deps);
  const term = wanted ? termsOf(trust.calendar, trust.academicYear).find((t) => t.term === wanted) : termOf(trust.calendar, trust.today);
  if (!term) throw new NotFoundError('term dates', trust.academicYear);
  return term;
}

/** Every figure of the pack, from the records the viewer may see (trust roles: every academy). */
export async function gatherBoardPackFigures(
  deps: ServiceDeps,
  viewer: Person,
  options: { term?: PackTerm; previous?: PackSnapshot } = {},
): Promise<BoardPackFigures> {
  requireTrustReader(viewer);
  const { trust, inputs } = await visibleAcademyInputs(deps, viewer);
  const people = await deps.store.people.list({}).toArray();
  const shown = new Set(inputs.map((i) => i.academy.id));
  const visits = (await deps.store.monitoringForms.list({}).toArray()).filter((v) => shown.has(v.academyId));
  return boardPackFigures({
    trust,
    visits,
    term: options.term ?? termOf(trust.calendar, trust.today) ?? (await packTerm(deps)),
    inputs,
    people,
    ...(options.previous ? { previous: options.previous } : {}),
    generatedAt: deps.clock.now().toISOString(),
  });
}

/** Draws the pack up, puts it in the board's papers folder for its term and records who generated it when. */
async function generate(deps: BoardPackDeps, reader: Person, actorId: string, term: PackTerm, trigger: PackTrigger, folder: string) {
  const earlier = await boardPackRecords(deps.audit.log);
  const last = earlier[0];
  const figures = await gatherBoardPackFigures(deps, reader, {
    term,
    ...(last ? { previous: { generatedAt: last.generatedAt, rag: last.rag } } : {}),
  });
  const content = await renderBoardPack(figures);
  const fileName = freeFileName(
    boardPackFileName(figures),
    (await deps.papers.list(folder)).map((f) => f.name),
  );
  const file = await deps.papers.upload(folder, fileName, content);
  const record: BoardPackRecord = {
    id: deps.audit.newId(),
    fileName: file.name,
    folder,
    term: term.term,
    termLabel: term.label,
    link: file.link,
    trigger,
    generatedAt: figures.generatedAt,
    generatedBy: actorId,
    rag: snapshotOf(figures).rag,
  };
  await deps.audit.log.append(packEntry(record));
  return { record, figures, size: content.byteLength };
}

/** The trust's own meetings (issue 17 part 2), where its board meetings are. */
const trustMeetingsOf = (deps: ServiceDeps) => deps.store.meetings.list({ academyId: TRUST_MEETING_ACADEMY_ID }).toArray();

/** Where a term's pack goes: the papers folder of the board meeting that term, if one is planned, else the term's board folder. */
async function folderFor(deps: ServiceDeps, term: PackTerm): Promise<string> {
  const trust = await loadTrust(deps);
  const board = nextBoardMeeting(trust.model, await trustMeetingsOf(deps), trust.today);
  return board && board.date >= term.start && board.date <= term.end ? board.meetingId : boardFolderOf(term);
}

const nameDirectory = async (deps: ServiceDeps) => {
  const people = await deps.store.people.list({}).toArray();
  return new Map(people.map((p) => [p.id, p.name]));
};

/**
 * Generates the pack now, on demand from the tab: the CEO and the improvement team (who run the
 * year) generate it; the board reads it. A pack generated again never replaces the earlier file.
 */
export async function generateBoardPack(deps: BoardPackDeps, viewer: Person, body: unknown) {
  requireTrustReader(viewer);
  if (!canPlanMeetings(viewer)) throw new ForbiddenError('The board reads packs; the CEO or the improvement team generates them.');
  const input = parseOrThrow(generateBoardPackBodySchema, body ?? {}, 'board pack');
  const term = await packTerm(deps, input.term);
  const { record, size } = await generate(deps, viewer, viewer.id, term, 'on-demand', await folderFor(deps, term));
  return { pack: boardPackListItem(record, await nameDirectory(deps)), size };
}

/** The packs generated so far, newest first, with when and by whom. */
export async function listBoardPacks(deps: BoardPackDeps, viewer: Person) {
  requireTrustReader(viewer);
  const names = await nameDirectory(deps);
  return { items: (await boardPackRecords(deps.audit.log)).map((r) => boardPackListItem(r, names)) };
}

/** One pack's file, for a trust reader (the local host serves it; SharePoint opens it from its link). */
export async function readBoardPack(deps: BoardPackDeps, viewer: Person, packId: string) {
  requireTrustReader(viewer);
  const record = (await boardPackRecords(deps.audit.log)).find((r) => r.id === packId);
  const content = record && deps.papers.read ? await deps.papers.read(record.folder, record.fileName) : undefined;
  if (!record || !content) throw new NotFoundError('board pack', packId);
  return { fileName: record.fileName, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content };
}

/** The board pack timer reads as the board does: every academy, writing nothing but the pack and its record. */
export const BOARD_PACK_JOB: Person = {
  id: 'system:board-pack',
  name: 'The board pack timer',
  email: 'board-pack@system.invalid',
  roles: [{ role: 'board' }],
};

/**
 * The daily check. Where the model has board meetings (a trust meeting the board chairs), the pack
 * goes into the next one's papers folder from the model's lead days for its papers until the day it
 * meets. A trust whose model has none gets a pack each term instead, from `BOARD_PACK_LEAD_DAYS`
 * before the term's last day (board-pack-term.ts). Either way once; returns what it did, for the log.
 */
export async function generateDueBoardPack(deps: BoardPackDeps): Promise<{ generated: number; term?: string; dueOn?: string }> {
  const trust = await loadTrust(deps);
  const term = termOf(trust.calendar, trust.today);
  if (!term) return { generated: 0 };
  const packs = await boardPackRecords(deps.audit.log);
  const once = async (folder: string, dueOn: string) => {
    if (packs.some((r) => r.folder === folder && r.trigger === 'before-board')) return { generated: 0, term: term.label, dueOn };
    await generate(deps, BOARD_PACK_JOB, BOARD_PACK_JOB.id, term, 'before-board', folder);
    return { generated: 1, term: term.label, dueOn };
  };
  if (boardMeetingKinds(trust.model).length > 0) {
    const board = nextBoardMeeting(trust.model, await trustMeetingsOf(deps), trust.today);
    if (!board) return { generated: 0, term: term.label };
    const dueOn = addDays(board.date, -board.leadDays);
    return isPackDue(board, trust.today) ? once(board.meetingId, dueOn) : { generated: 0, term: term.label, dueOn };
  }
  const dueOn = packDueOn(term);
  if (trust.today < dueOn || trust.today > boardDateFor(term)) return { generated: 0, term: term.label, dueOn };
  return once(boardFolderOf(term), dueOn);
}
