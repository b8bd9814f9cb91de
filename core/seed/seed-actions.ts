import type { Academy } from '../domain/academy';
import type { ActionItem } from '../domain/action-item';
import { addDays, maxDate, type LocalDate } from '../domain/local-date';
import { londonToUtc } from '../domain/london-time';
import type { Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import { holdersOf, type Person } from '../domain/people';
import type { New, RecordStore } from '../ports/record-store.port';
import { CEO_ACTION_TEXTS, GOVERNANCE_ACTION_TEXTS, headActionTexts, IMPROVEMENT_DIRECTOR_ACTION_TEXTS } from './action-texts.data';
import { PEOPLE_TO_TRY, STRUGGLING_ACADEMIES } from './demo-trust.data';
import type { SchoolDays } from './school-days';

const at = (d: LocalDate, time: string) => londonToUtc(d, time);
const TEXTS = { governance: GOVERNANCE_ACTION_TEXTS, director: IMPROVEMENT_DIRECTOR_ACTION_TEXTS, ceo: CEO_ACTION_TEXTS };

type TextList = 'head' | 'governance' | 'director' | 'ceo';
/** One action a meeting raises: whose it is, which list its words come from, and how long it is given. */
interface Slot {
  owner: 'head' | 'chair-lgb' | 'meeting-chair' | 'ceo';
  texts: TextList;
  weeks: number;
}

/**
 * The actions a meeting raises. Every AIM gives the head two and the chair of LGB one; where the
 * academy needs the trust's support its chair (the improvement director) takes one too, and at an
 * inadequate academy the CEO, who reports it to the board. An iAIM gives the head two "to be
 * accomplished by the next AIM" and its chair, the CEO, the support to broker (DSAT's iAIM agenda).
 */
function slotsFor(kind: ImprovementModel['meetingKinds'][number], academy: Academy): Slot[] {
  const chairTexts: TextList = kind.chairRole === 'ceo' ? 'ceo' : 'director';
  if (kind.papers.length === 0) {
    return [
      { owner: 'head', texts: 'head', weeks: 2 },
      { owner: 'head', texts: 'head', weeks: 5 },
      { owner: 'meeting-chair', texts: chairTexts, weeks: 2 },
    ];
  }
  return [
    { owner: 'head', texts: 'head', weeks: 2 },
    { owner: 'head', texts: 'head', weeks: 8 },
    { owner: 'chair-lgb', texts: 'governance', weeks: 4 },
    ...(STRUGGLING_ACADEMIES.includes(academy.id) ? [{ owner: 'meeting-chair' as const, texts: chairTexts, weeks: 3 }] : []),
    ...(academy.ofstedGrade === 'inadequate' ? [{ owner: 'ceo' as const, texts: 'ceo' as const, weeks: 4 }] : []),
  ];
}

/**
 * Actions raised at each held meeting, due on school days: some done, some open, and at the
 * academies that need support more left overdue. Each academy works through its own lists of
 * action texts, so no action repeats there. Every person the demo invites you to be keeps their
 * latest overdue action open, so the reminder sweep has something to tell them on the seed day.
 */
export async function seedActions(input: {
  store: RecordStore;
  model: ImprovementModel;
  schoolDays: SchoolDays;
  academies: readonly Academy[];
  people: readonly Person[];
  meetings: readonly Meeting[];
  today: LocalDate;
  random: () => number;
}): Promise<void> {
  const { store, model, schoolDays, academies, people, meetings, today, random } = input;
  const ceoId = holdersOf(people, 'ceo')[0]?.id;
  const drafts: { key: string; action: New<ActionItem> }[] = [];
  const used = new Map<string, number>();

  const held = meetings.filter((x) => x.status === 'held').sort((a, b) => a.date.localeCompare(b.date));
  const latestHeld = new Map(held.map((m) => [m.academyId, m.date]));
  for (const m of held) {
    const kind = model.meetingKinds.find((k) => k.id === m.kind);
    const academyIndex = academies.findIndex((a) => a.id === m.academyId);
    const academy = academies[academyIndex];
    const head = m.attendees.find((a) => a.role === 'head')?.personId;
    if (!kind || !academy || !head) continue;
    const struggling = STRUGGLING_ACADEMIES.includes(m.academyId);
    for (const [i, slot] of slotsFor(kind, academy).entries()) {
      const owner =
        slot.owner === 'head'
          ? head
          : slot.owner === 'chair-lgb'
            ? m.attendees.find((a) => a.role === 'chair-lgb')?.personId
            : slot.owner === 'ceo'
              ? ceoId
              : m.chairId;
      if (!owner) continue;
      const list = slot.texts === 'head' ? headActionTexts(academy.phase) : TEXTS[slot.texts];
      const listKey = `${m.academyId}:${slot.texts}`;
      const n = used.get(listKey) ?? 0;
      used.set(listKey, n + 1);
      // Academies start at different places in each list, so the trust's actions read varied.
      const text = list[(academyIndex * 3 + n) % list.length]!;

      const wanted = addDays(m.date, slot.weeks * 7 + Math.floor(random() * 3));
      // Due by the last school day before a holiday rather than on the first one after it.
      const before = schoolDays.onOrBefore(wanted);
      const due = before > m.date ? before : schoolDays.onOrAfter(wanted);
      const overdue = due < today;
      // An action due before the academy's latest meeting was followed up there (DSAT: "achieved,
      // outstanding, plan to complete"), so is mostly done; academies that need support leave more overdue.
      const followedUp = due < (latestHeld.get(m.academyId) ?? today);
      const done = overdue && random() < (followedUp ? (struggling ? 0.5 : 0.95) : struggling ? 0.2 : 0.8);
      const finishedOn = done ? maxDate(schoolDays.before(due, 2), m.date) : undefined;
      drafts.push({
        key: `seed:action:${m.academyId}:${m.date}:${m.kind}:${i}`,
        action: {
          academyId: m.academyId,
          raisedInMeetingId: m.id,
          text,
          ownerId: owner,
          dueDate: due,
          status: done ? 'done' : !overdue && random() < 0.4 ? 'in-progress' : 'open',
          createdAt: at(m.date, '16:00'),
          progress: finishedOn
            ? [{ at: at(finishedOn, '12:00'), by: owner, note: 'Completed and evidence saved to the academy folder', status: 'done' }]
            : [],
          ...(finishedOn ? { completedAt: at(finishedOn, '12:00') } : {}),
        },
      });
    }
  }

  for (const personId of PEOPLE_TO_TRY) {
    const overdue = drafts.filter((d) => d.action.ownerId === personId && d.action.dueDate < today);
    if (overdue.length === 0 || overdue.some((d) => d.action.status === 'open' || d.action.status === 'in-progress')) continue;
    const latestDue = overdue.reduce((a, b) => (b.action.dueDate > a.action.dueDate ? b : a));
    const { completedAt: _done, ...rest } = latestDue.action;
    latestDue.action = { ...rest, status: 'open', progress: [] };
  }

  for (const { key, action } of drafts) await store.actions.create(action, { idempotencyKey: key });
}
