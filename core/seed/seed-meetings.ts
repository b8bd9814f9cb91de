import type { Academy } from '../domain/academy';
import type { LocalDate } from '../domain/local-date';
import { londonToUtc } from '../domain/london-time';
import type { Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { Person } from '../domain/people';
import type { SchoolCalendar } from '../domain/school-year/school-calendar';
import { planYear } from '../domain/year-planner';
import type { RecordStore, Stored } from '../ports/record-store.port';
import type { SchoolDays } from './school-days';
import { asHeld, type NotesState } from './seed-held-meetings';
import { arrangeComingDays, arrangeHeadToTry, type StoryMeeting } from './seed-meeting-moves';

/** The academy whose latest notes the head sent back with changes asked for. */
const NOTES_SENT_BACK_AT = 'northgate';

/**
 * Plans the year from the model, moves a few meetings so there is something happening around
 * today (seed-meeting-moves.ts), marks what is already past as held, and creates them all.
 */
export async function seedMeetings(input: {
  store: RecordStore;
  model: ImprovementModel;
  calendar: SchoolCalendar;
  schoolDays: SchoolDays;
  academicYear: string;
  academies: readonly Academy[];
  people: readonly Person[];
  today: LocalDate;
  random: () => number;
}): Promise<Stored<Meeting>[]> {
  const { store, model, calendar, schoolDays, academicYear, academies, people, today, random } = input;
  const plan = planYear({ model, calendar, academicYear, academies, people });
  const story = new Map<string, StoryMeeting>();
  const ctx = { model, calendar, schoolDays, academies, people, today };
  let drafts = plan.create.map((d) => ({ ...d }));
  drafts = arrangeHeadToTry(drafts, ctx, story, academicYear);
  drafts = arrangeComingDays(drafts, ctx, story);

  const out: Stored<Meeting>[] = [];
  for (const { key, ...draft } of drafts.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key))) {
    const part = story.get(key);
    let m: Meeting = {
      ...draft,
      id: '',
      reason: part && part.how !== 'as planned' && part.how !== 'additional' ? `${draft.reason} (${part.how})` : draft.reason,
    };
    if (m.date < today) {
      const isLatest = !drafts.some((x) => x.academyId === m.academyId && x.date > m.date && x.date < today);
      const state: NotesState =
        part?.role === 'head-to-try-held'
          ? 'awaiting-approval'
          : isLatest && m.academyId === NOTES_SENT_BACK_AT
            ? 'changes-requested'
            : 'circulated';
      m = asHeld(m, model, schoolDays, today, random, state);
    } else if (part?.role === 'papers-overdue' || part?.role === 'papers-due') {
      // Some papers in (the agenda, agreed early), the head's still awaited.
      const inOn = londonToUtc(schoolDays.before(today), '11:00');
      m = {
        ...m,
        papers: m.papers.map((p, i) =>
          i % 2 === 0 && p.ownerRole !== 'head' ? { ...p, submittedAt: inOn, ...(p.ownerId ? { submittedBy: p.ownerId } : {}) } : p,
        ),
      };
    }
    const { id: _id, ...value } = m;
    const { record } = await store.meetings.create(value, { idempotencyKey: `seed:${key}` });
    out.push(record);
  }
  return out;
}
