import type { Meeting } from '../../../core/domain/meeting';
import type { MonitoringForm } from '../../../core/domain/monitoring-form';
import type { Person } from '../../../core/domain/people';
import { type RecordStore, type Stored } from '../../../core/ports/record-store.port';

/**
 * What must never reach a person, written out from the trust's rules (DOMAIN.md, issue 13) rather
 * than taken from `core/domain/permissions.ts`, so that breaking a rule there shows up here:
 * - nothing about an academy (its id, name, people, records) reaches someone with no role there;
 *   the trust's roles (CEO, improvement directors, trust admin, the board) see every academy;
 * - draft notes go only to the approvers the model names (attendees holding the kind's
 *   `notesApprovers` roles), the writer and the trust's write roles;
 * - a reason for apologies only to the meeting's chair, the trust's write roles and the person;
 * - a draft monitoring visit (its notes, its id) only to its observer: not even the CEO reads a
 *   director's half-written notes (issue 16);
 * - a board pack (its file, its id) only to the trust's readers: a pack covers every academy (issue 17);
 * - a trust meeting (the board, the heads' forum) only to the trust's readers and the people on it (issue 17).
 */
const TRUST_READ = ['ceo', 'improvement-director', 'trust-admin', 'board'];
const TRUST_WRITE = ['ceo', 'improvement-director', 'trust-admin'];

type Roles = Pick<Person, 'id' | 'roles'>;

export const readsEverywhere = (p: Roles): boolean => p.roles.some((r) => TRUST_READ.includes(r.role));
export const writesEverywhere = (p: Roles): boolean => p.roles.some((r) => TRUST_WRITE.includes(r.role));
/** The academies a person holds a role at (their own school, a school they partner or advise). */
export const academiesOf = (p: Roles): Set<string> =>
  new Set(p.roles.flatMap((r) => (r.academyId && !TRUST_READ.includes(r.role) ? [r.academyId] : [])));
export const mayRead = (p: Roles, academyId: string): boolean => readsEverywhere(p) || academiesOf(p).has(academyId);
export const mayWrite = (p: Roles, academyId: string | undefined): boolean =>
  writesEverywhere(p) || (academyId !== undefined && academiesOf(p).has(academyId));

export const mayReadDraftNotes = (p: Roles, m: Meeting, notesApprovers: readonly string[]): boolean =>
  writesEverywhere(p) || m.notes?.writtenBy === p.id || m.attendees.some((a) => a.personId === p.id && notesApprovers.includes(a.role));

export const mayReadApologyReason = (p: Roles, m: Meeting, attendeeId: string): boolean =>
  writesEverywhere(p) || p.id === attendeeId || m.chairId === p.id;

/** Shorter strings ("Good", "AIM") say nothing about one academy and would match by chance. */
const MIN_MARKER_LENGTH = 6;

/**
 * Every string that belongs to one academy: its id, names, people (ids, names, e-mails), its records'
 * ids and texts, and the people its records name (an action's owner, a meeting's attendees), so a
 * record's own fields are never counted against those who may read the record.
 */
export async function stringsByAcademy(store: RecordStore): Promise<Map<string, Set<string>>> {
  const [academies, people, meetings, actions, interventions, escalations, supportDays, visits] = await Promise.all([
    store.academies.list({}).toArray(),
    store.people.list({}).toArray(),
    store.meetings.list({}).toArray(),
    store.actions.list({}).toArray(),
    store.interventions.list({}).toArray(),
    store.escalations.list({}).toArray(),
    store.supportDays.list({}).toArray(),
    store.monitoringForms.list({}).toArray(),
  ]);
  const byAcademy = new Map(academies.map((a) => [a.id, new Set<string>([a.id, a.name, ...a.aliases])]));
  const add = (academyId: string, ...values: (string | undefined)[]) => {
    for (const v of values) if (v && v.trim().length >= MIN_MARKER_LENGTH) byAcademy.get(academyId)?.add(v.trim());
  };
  // Trust staff see everything and belong to no one academy.
  const academyPeople = new Set(people.filter((p) => !readsEverywhere(p)).map((p) => p.id));
  const named = (academyId: string, ...ids: (string | undefined)[]) => add(academyId, ...ids.filter((id) => id && academyPeople.has(id)));
  for (const p of people) for (const id of academiesOf(p)) add(id, p.id, p.name, p.email);
  for (const m of meetings) {
    add(
      m.academyId,
      m.id,
      m.notes?.text,
      ...m.attendees.map((a) => a.apology?.reason),
      ...m.judgements.map((j) => j.evidence),
      ...m.papers.map((p) => p.extension?.reason),
    );
    named(
      m.academyId,
      ...m.attendees.flatMap((a) => [a.personId, a.apology?.substituteId]),
      ...m.papers.flatMap((p) => [p.ownerId, p.submittedBy, p.extension?.requestedBy]),
    );
  }
  for (const a of actions) {
    add(a.academyId, a.id, a.text, ...a.progress.map((p) => p.note));
    named(a.academyId, a.ownerId);
  }
  for (const i of interventions) {
    add(i.academyId, i.id, i.title, i.supportingAcademyId);
    named(i.academyId, i.leadId, i.supportingPersonId);
  }
  for (const e of escalations) add(e.academyId, e.id, e.reason);
  for (const d of supportDays) add(d.academyId, d.id, d.description);
  for (const v of visits) {
    add(v.academyId, v.id, v.focus, v.notes, v.areaOfExcellence, ...v.whatWentWell, ...v.evenBetterIf);
    named(v.academyId, v.observerId);
  }
  return byAcademy;
}

export interface Marker {
  text: string;
  /** What it is, for the report: "brook-lane", "draft notes of oakfield AIM 2026-10-13". */
  what: string;
}

/** The markers of academies `viewer` has no role at, less anything shared with an academy they do see. */
function academyMarkers(viewer: Roles, strings: Map<string, Set<string>>): Marker[] {
  if (readsEverywhere(viewer)) return [];
  const mine = academiesOf(viewer);
  const own = new Set<string>();
  for (const id of mine) for (const s of strings.get(id) ?? []) own.add(s);
  const out: Marker[] = [];
  for (const [academyId, values] of strings) {
    if (mine.has(academyId)) continue;
    for (const text of values) if (!own.has(text)) out.push({ text, what: academyId });
  }
  return out;
}

/** Records readable by fewer people than their academy's: draft visits, and the board's packs. */
export interface RestrictedRecords {
  trustMeetings?: readonly Pick<Meeting, 'id' | 'chairId' | 'attendees'>[];
  visits?: readonly Pick<MonitoringForm, 'id' | 'academyId' | 'observerId' | 'status' | 'notes'>[];
  boardPacks?: readonly { id: string; fileName: string }[];
}

/** Draft notes, apology reasons, draft visits and board packs the viewer may not read, at any academy. */
function restrictedMarkers(
  viewer: Roles,
  meetings: readonly Stored<Meeting>[],
  approversOf: (kind: string) => readonly string[],
  records: RestrictedRecords,
): Marker[] {
  const out: Marker[] = [];
  for (const v of records.visits ?? [])
    if (v.status === 'draft' && v.observerId !== viewer.id)
      for (const text of [v.id, v.notes].filter((t) => t.trim().length >= MIN_MARKER_LENGTH))
        out.push({ text, what: `draft visit of ${v.observerId} at ${v.academyId}` });
  for (const m of records.trustMeetings ?? [])
    if (!readsEverywhere(viewer) && m.chairId !== viewer.id && !m.attendees.some((a) => a.personId === viewer.id))
      out.push({ text: m.id, what: `trust meeting ${m.id}` });
  if (!readsEverywhere(viewer))
    for (const p of records.boardPacks ?? []) for (const text of [p.id, p.fileName]) out.push({ text, what: `board pack ${p.fileName}` });
  for (const m of meetings) {
    const label = `${m.academyId} ${m.kind} ${m.date}`;
    if (m.notes && !m.notes.circulatedAt && !mayReadDraftNotes(viewer, m, approversOf(m.kind)))
      out.push({ text: m.notes.text, what: `draft notes of ${label}` });
    for (const a of m.attendees)
      if (a.apology && !mayReadApologyReason(viewer, m, a.personId))
        out.push({ text: a.apology.reason, what: `apology reason of ${a.personId} at ${label}` });
  }
  return out;
}

const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A string as it stands inside JSON text. */
const inJson = (t: string) => JSON.stringify(t).slice(1, -1);

/**
 * What must not reach `viewer`, as one pass over a response: the markers of academies they hold no
 * role at (each standing alone, not inside a longer id such as `head-brook-lane`), and draft notes
 * and apology reasons they may not read. A marker inside one of their own academies' strings does not
 * count: a Brook Lane record that says "guided reading model from Ashworth" is Brook Lane's.
 */
export function leakScanner(
  viewer: Roles,
  strings: Map<string, Set<string>>,
  meetings: readonly Stored<Meeting>[],
  approversOf: (kind: string) => readonly string[],
  records: RestrictedRecords = {},
): (text: string) => Marker[] {
  const restricted = restrictedMarkers(viewer, meetings, approversOf, records);
  const markers = [...academyMarkers(viewer, strings), ...restricted];
  if (markers.length === 0) return () => [];
  const secret = new Set(restricted.map((m) => m.text));
  const own = readsEverywhere(viewer)
    ? []
    : [...new Set([...academiesOf(viewer)].flatMap((id) => [...(strings.get(id) ?? [])]))].filter((t) => !secret.has(t));
  const alternation = (texts: readonly string[]) =>
    texts
      .map(inJson)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
  const ownRe = own.length ? new RegExp(alternation(own), 'g') : undefined;
  const byText = new Map(markers.map((m) => [inJson(m.text), m]));
  const re = new RegExp(`(?<![A-Za-z0-9-])(?:${alternation(markers.map((m) => m.text))})(?![A-Za-z0-9-])`, 'g');
  return (text) => {
    const ownSpans = ownRe ? [...text.matchAll(ownRe)].map((m) => [m.index, m.index + m[0].length] as const) : [];
    const found = new Set<string>();
    for (const m of text.matchAll(re)) {
      const [start, end] = [m.index, m.index + m[0].length];
      if (!ownSpans.some(([a, b]) => a <= start && end <= b)) found.add(m[0]);
    }
    return [...found].map((t) => byText.get(t)!);
  };
}

/**
 * A response as a person would read it: JSON, with card text's markdown escapes taken off (a card
 * shows `St Mary\'s` as `St Mary's`), and, for a refusal, without the ids the person sent themselves.
 */
export function readable(body: unknown, echoed: readonly string[] = []): string {
  let text = JSON.stringify(body ?? null).replace(/\\\\(?=[!-/:-@[-`{-~])/g, '');
  for (const e of echoed) if (e) text = text.split(e).join('');
  return text;
}
