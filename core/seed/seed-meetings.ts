import type { Academy } from '../domain/academy';
import { addDays, type LocalDate } from '../domain/local-date';
import { londonToUtc } from '../domain/london-time';
import type { Meeting } from '../domain/meeting';
import { moveMeeting } from '../domain/meeting-moves';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { Person } from '../domain/people';
import type { SchoolCalendar } from '../domain/school-year/school-calendar';
import { planYear } from '../domain/year-planner';
import type { RecordStore, Stored } from '../ports/record-store.port';

const at = (d: LocalDate, time = '16:00') => londonToUtc(d, time);

/** Turns a planned meeting in the past into a held one: attendance, papers in on time, judgements, notes. */
function asHeld(m: Meeting, model: ImprovementModel, random: () => number, notesState: 'circulated' | 'awaiting-chair' | 'changes-requested'): Meeting {
  const kind = model.meetingKinds.find((k) => k.id === m.kind)!;
  const apologiser = m.attendees.find((a) => a.role === 'governor');
  const attendees = m.attendees.map((a) =>
    a === apologiser && random() < 0.5
      ? { ...a, attendance: 'apologies' as const, apology: { reason: 'Work commitment that could not be moved', givenAt: at(addDays(m.date, -5), '12:00') } }
      : { ...a, attendance: a.presence === 'where-appropriate' ? ('absent' as const) : ('attended' as const) },
  );
  const papers = m.papers.map((p) => ({ ...p, submittedAt: at(addDays(p.dueDate, -Math.floor(random() * 2)), '15:30'), ...(p.ownerId ? { submittedBy: p.ownerId } : {}) }));
  const grades = ['good', 'good', 'requires-improvement', 'outstanding'] as const;
  const judgements = kind.recordsJudgements
    ? (m.focus.length ? m.focus : [model.inspectionAreas[0]!.id]).map((area) => ({
        area,
        evidence: 'Learning walk, work scrutiny and discussion with leaders; evidence from the monitoring visit the day before.',
        indicativeGrade: grades[Math.floor(random() * grades.length)]!,
      }))
    : [];
  const writtenAt = at(addDays(m.date, 2), '17:00');
  const approverIds = kind.notesApprovers.map((role) => ({ role, personId: m.attendees.find((a) => a.role === role)?.personId })).filter((x): x is { role: typeof x.role; personId: string } => !!x.personId);
  const approvals = approverIds.map((a, i) => {
    if (notesState === 'circulated' || (notesState === 'awaiting-chair' && a.role !== 'chair-lgb')) return { ...a, status: 'approved' as const, at: at(addDays(m.date, 4), '10:00') };
    if (notesState === 'changes-requested' && i === 0) return { ...a, status: 'changes-requested' as const, comment: 'Please correct the Year 6 writing figures in section 2.', at: at(addDays(m.date, 4), '10:00') };
    return { ...a, status: 'pending' as const };
  });
  const allApproved = approvals.every((a) => a.status === 'approved');
  return {
    ...m,
    status: 'held',
    attendees,
    papers,
    judgements,
    notes: {
      text: `${kind.name} notes. Strengths celebrated; next steps agreed; actions recorded below.`,
      writtenBy: m.chairId,
      writtenAt,
      approvals,
      ...(allApproved ? { circulatedAt: at(addDays(m.date, 5), '09:00') } : {}),
    },
  };
}

/**
 * Plans the year from the model, marks what is already past as held, and postpones two autumn
 * meetings into the coming days so the demo always has papers due this week and one overdue.
 */
export async function seedMeetings(input: {
  store: RecordStore;
  model: ImprovementModel;
  calendar: SchoolCalendar;
  academicYear: string;
  academies: readonly Academy[];
  people: readonly Person[];
  today: LocalDate;
  random: () => number;
}): Promise<Stored<Meeting>[]> {
  const { store, model, calendar, academicYear, academies, people, today, random } = input;
  const plan = planYear({ model, calendar, academicYear, academies, people });
  let drafts = plan.create.map((d) => ({ ...d }));

  // Two meetings "postponed": the latest past meetings with papers move to just after today.
  const withPapers = drafts.filter((d) => d.papers.length > 0 && d.date < today).sort((a, b) => b.date.localeCompare(a.date));
  const postponed = new Map<string, LocalDate>();
  for (const target of [addDays(today, 3), addDays(today, 8)]) {
    const d = withPapers.find((x) => !postponed.has(x.key) && ![...postponed.keys()].some((k) => drafts.find((y) => y.key === k)?.academyId === x.academyId));
    if (!d) break;
    const academy = academies.find((a) => a.id === d.academyId)!;
    for (let shift = 0; shift < 10; shift++) {
      const outcome = moveMeeting({ ...d, id: d.key }, addDays(target, shift), {
        model,
        calendar,
        academy,
        people,
        otherMeetings: drafts.filter((x) => x.key !== d.key).map((x) => ({ ...x, id: x.key })),
        today,
      });
      if (outcome.ok) {
        const { id: _id, ...moved } = outcome.meeting;
        drafts = drafts.map((x) => (x.key === d.key ? { ...moved, key: d.key } : x));
        postponed.set(d.key, moved.date);
        break;
      }
    }
  }

  const out: Stored<Meeting>[] = [];
  for (const { key, ...draft } of drafts.sort((a, b) => a.date.localeCompare(b.date))) {
    let m: Meeting = { ...draft, id: '' };
    if (m.date < today) {
      const isLatest = !drafts.some((x) => x.academyId === m.academyId && x.date > m.date && x.date < today);
      const state = isLatest && m.academyId === 'oakfield' ? 'awaiting-chair' : isLatest && m.academyId === 'northgate' ? 'changes-requested' : 'circulated';
      m = asHeld(m, model, random, state);
    } else if (postponed.has(key)) {
      // Papers for a postponed meeting: some in, the head's report still awaited.
      m = { ...m, reason: `${m.reason} (postponed)`, papers: m.papers.map((p, i) => (i % 2 === 0 && p.ownerRole !== 'head' ? { ...p, submittedAt: at(addDays(today, -1), '11:00'), ...(p.ownerId ? { submittedBy: p.ownerId } : {}) } : p)) };
    }
    const { id: _id, ...value } = m;
    const { record } = await store.meetings.create(value, { idempotencyKey: `seed:${key}` });
    out.push(record);
  }
  return out;
}
