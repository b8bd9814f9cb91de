import type { Academy } from '../domain/academy';
import { addDays, type LocalDate } from '../domain/local-date';
import type { MeetingDraft } from '../domain/meeting';
import { moveMeeting } from '../domain/meeting-moves';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { Person } from '../domain/people';
import type { SchoolCalendar } from '../domain/school-year/school-calendar';
import { HEAD_TO_TRY_ACADEMY } from './demo-trust.data';
import type { SchoolDays } from './school-days';

/**
 * What a moved meeting is for in the demo's story, which decides how its papers and notes are
 * seeded: `papers-overdue` is a few school days away with its papers already late (the chair is
 * told), `papers-due` is next week with papers due in the coming days, `head-to-try-next` and
 * `head-to-try-held` are the next and the last AIM of the academy whose head the README and the
 * Playground invite you to be.
 */
export type StoryRole = 'papers-overdue' | 'papers-due' | 'head-to-try-next' | 'head-to-try-held';

export interface StoryMeeting {
  role: StoryRole;
  how: 'postponed' | 'brought forward' | 'additional' | 'as planned';
}

export interface MoveContext {
  model: ImprovementModel;
  calendar: SchoolCalendar;
  schoolDays: SchoolDays;
  academies: readonly Academy[];
  people: readonly Person[];
  today: LocalDate;
}

/** How many school days from the wanted one (each way) the seed tries before giving up on a move. */
const TRIES = 10;

/**
 * The first of `days` the planner's own rules accept for `draft` (school day, chair and academy
 * free, a monitoring visit the day before): the same checks as a person moving it in the planner.
 */
function moved(
  draft: MeetingDraft,
  days: readonly LocalDate[],
  drafts: readonly MeetingDraft[],
  ctx: MoveContext,
): MeetingDraft | undefined {
  const academy = ctx.academies.find((a) => a.id === draft.academyId)!;
  const others = drafts.filter((x) => x.key !== draft.key).map((x) => ({ ...x, id: x.key }));
  for (const day of days) {
    // The move was made before the day it moved to, so "in the past" is judged from that day.
    const outcome = moveMeeting({ ...draft, id: draft.key }, day, {
      model: ctx.model,
      calendar: ctx.calendar,
      academy,
      people: ctx.people,
      otherMeetings: others,
      today: day,
    });
    if (outcome.ok) {
      const { id: _id, ...meeting } = outcome.meeting;
      return { ...meeting, key: draft.key };
    }
  }
  return undefined;
}

/** The school days from `first` on. */
const forwardFrom = (first: LocalDate, schoolDays: SchoolDays): LocalDate[] => {
  const days = [schoolDays.onOrAfter(first)];
  while (days.length < TRIES) days.push(schoolDays.after(days.at(-1)!));
  return [...new Set(days)];
};
/** `wanted` first, then the school days before it down to `floor`, then the ones after it. */
const around = (wanted: LocalDate, floor: LocalDate, schoolDays: SchoolDays): LocalDate[] => {
  const days = [schoolDays.onOrAfter(wanted)];
  for (let d = schoolDays.before(days[0]!); d >= floor && days.length < TRIES; d = schoolDays.before(d)) days.push(d);
  return [...new Set([...days, ...forwardFrom(days[0]!, schoolDays)])].slice(0, 2 * TRIES);
};
/** The school days from `first` back, none before `notBefore`. */
const backFrom = (first: LocalDate, notBefore: LocalDate, schoolDays: SchoolDays): LocalDate[] => {
  const days = [schoolDays.onOrBefore(first)];
  while (days.length < TRIES) days.push(schoolDays.before(days.at(-1)!));
  return [...new Set(days)].filter((d) => d >= notBefore);
};

const how = (from: LocalDate, to: LocalDate): StoryMeeting['how'] =>
  to > from ? 'postponed' : to < from ? 'brought forward' : 'as planned';
const replace = (drafts: MeetingDraft[], next: MeetingDraft): MeetingDraft[] => drafts.map((x) => (x.key === next.key ? next : x));

/**
 * The academy whose head the demo invites you to be (DSAT's termly AIMs leave a head with nothing
 * to check or write for weeks at a time, so the seed arranges two AIMs around today):
 * - its last AIM was held three to six weeks ago, so its notes wait for the head's and the chair's
 *   check and its first action is overdue; when the planned one is further back it was held later
 *   in the same term (or earlier, when it was only days ago);
 * - its next AIM is about a fortnight away, papers due within the week: the planned one brought
 *   forward when it is in the same term, else an additional AIM agreed with the academy (DSAT: AIMs
 *   are three a year "unless a different arrangement has been agreed with the academy").
 */
export function arrangeHeadToTry(
  input: MeetingDraft[],
  ctx: MoveContext,
  story: Map<string, StoryMeeting>,
  academicYear: string,
): MeetingDraft[] {
  const { today, schoolDays } = ctx;
  let drafts = input;
  const aims = () =>
    drafts.filter((d) => d.academyId === HEAD_TO_TRY_ACADEMY && d.papers.length > 0).sort((a, b) => a.date.localeCompare(b.date));

  const held = aims()
    .filter((d) => d.date < today)
    .at(-1);
  if (held && (held.date < addDays(today, -42) || held.date > addDays(today, -17))) {
    const term = schoolDays.termOf(held.date)!;
    const wanted = schoolDays.onOrBefore(addDays(today, -21));
    const target =
      wanted > schoolDays.lastOfTerm(term) ? schoolDays.lastOfTerm(term) : wanted < schoolDays.firstOfTerm(term) ? held.date : wanted;
    const after = target === held.date ? undefined : moved(held, backFrom(target, schoolDays.firstOfTerm(term), schoolDays), drafts, ctx);
    if (after) drafts = replace(drafts, after);
    story.set(held.key, { role: 'head-to-try-held', how: how(held.date, after?.date ?? held.date) });
  } else if (held) {
    story.set(held.key, { role: 'head-to-try-held', how: 'as planned' });
  }

  const wanted = schoolDays.onOrAfter(addDays(today, 10));
  if (wanted <= addDays(today, 2)) return drafts; // the year is ending: nothing more to plan
  const next = aims().find((d) => d.date >= today);
  if (next && next.date >= addDays(today, 3) && next.date <= addDays(today, 12)) {
    story.set(next.key, { role: 'head-to-try-next', how: 'as planned' });
    return drafts;
  }
  // Any day from three days ahead keeps the head's papers due within the reminder's five days.
  const days = around(wanted, addDays(today, 3), schoolDays);
  if (next && schoolDays.termOf(next.date) === schoolDays.termOf(wanted)) {
    const after = moved(
      next,
      days.filter((d) => schoolDays.termOf(d) === schoolDays.termOf(next.date)),
      drafts,
      ctx,
    );
    if (after) {
      story.set(next.key, { role: 'head-to-try-next', how: how(next.date, after.date) });
      return replace(drafts, after);
    }
  }
  const template = next ?? aims().at(-1);
  if (!template) return drafts;
  const { ruleId: _rule, ...rest } = template;
  const kindName = ctx.model.meetingKinds.find((k) => k.id === template.kind)?.abbreviation ?? template.kind;
  const additional: MeetingDraft = {
    ...rest,
    key: `${HEAD_TO_TRY_ACADEMY}/${academicYear}/${template.kind}/additional`,
    reason: `An additional ${kindName} agreed with the academy`,
  };
  const placed = moved(additional, days, [...drafts, additional], ctx);
  if (!placed) return drafts;
  story.set(placed.key, { role: 'head-to-try-next', how: 'additional' });
  return [...drafts, placed];
}

/**
 * Two meetings with papers at other academies fall in the coming days, so the demo always has
 * papers due this week and one paper already late: the latest AIM of the term that has passed is
 * postponed to a few school days from now, or, early in a term, the term's first AIMs are brought
 * forward. Meetings stay in their own term, and no academy gets both.
 */
export function arrangeComingDays(input: MeetingDraft[], ctx: MoveContext, story: Map<string, StoryMeeting>): MeetingDraft[] {
  const { today, schoolDays } = ctx;
  let drafts = input;
  const targets: { role: StoryRole; from: LocalDate }[] = [
    { role: 'papers-overdue', from: addDays(today, 3) },
    { role: 'papers-due', from: addDays(today, 8) },
  ];
  for (const { role, from } of targets) {
    const first = schoolDays.onOrAfter(from);
    if (first < from) break; // past the last day of the year
    const term = schoolDays.termOf(first);
    const taken = new Set([HEAD_TO_TRY_ACADEMY, ...[...story.keys()].map((k) => drafts.find((d) => d.key === k)?.academyId)]);
    const inTerm = drafts.filter(
      (d) => d.papers.length > 0 && !taken.has(d.academyId) && !story.has(d.key) && schoolDays.termOf(d.date) === term,
    );
    const candidates = [
      ...inTerm.filter((d) => d.date < today).sort((a, b) => b.date.localeCompare(a.date)),
      ...inTerm.filter((d) => d.date >= today).sort((a, b) => a.date.localeCompare(b.date)),
    ];
    for (const d of candidates) {
      const after = moved(d, forwardFrom(first, schoolDays), drafts, ctx);
      if (!after) continue;
      drafts = replace(drafts, after);
      story.set(d.key, { role, how: how(d.date, after.date) });
      break;
    }
  }
  return drafts;
}
