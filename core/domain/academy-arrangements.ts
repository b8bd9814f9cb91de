import type { Academy } from './academy';
import { rulesFor } from './cadence';
import { GRADE_LABELS } from './grades';
import type { LocalDate } from './local-date';
import { formatLongDate } from './london-time';
import type { Meeting, MeetingDraft } from './meeting';
import type { ImprovementModel } from './models/improvement-model.schema';

/**
 * Each academy's arrangements for the year (issue 16, part 3), set by the trust team with a reason:
 * what it asked for (DSAT: a Good school may request iAIMs; KGA: a school may choose the 2-day QA
 * review), a number of meetings agreed with it, and its self-evaluated grade with the date it gave it.
 */

/** Something an academy may ask for: a `requested` condition in the model's cadence. */
export interface RequestOption {
  id: string;
  /** "iAIMs", or the rule's label where the request is not a meeting kind (KGA's "Core QA: a 2-day review …"). */
  label: string;
}

/** What an academy may ask for under this model, in the order the model's rules name them. */
export function requestOptions(model: Pick<ImprovementModel, 'cadence' | 'meetingKinds'>): RequestOption[] {
  const out: RequestOption[] = [];
  for (const rule of model.cadence) {
    for (const c of rule.when?.anyOf ?? []) {
      if (!c.requested || out.some((o) => o.id === c.requested)) continue;
      const kind = model.meetingKinds.find((k) => k.id === c.requested);
      out.push({ id: c.requested, label: kind ? `${kind.abbreviation}s` : rule.label });
    }
  }
  return out;
}

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * One request as a spreadsheet writes it, matched to the model's: its id ("qa-two-day"), the
 * meeting kind ("iAIM", "iAIMs") or the option's label, ignoring case and punctuation.
 */
export function matchRequest(model: Pick<ImprovementModel, 'cadence' | 'meetingKinds'>, text: string): RequestOption | undefined {
  const k = squash(text);
  if (k === '') return undefined;
  return requestOptions(model).find((o) => {
    const kind = model.meetingKinds.find((m) => m.id === o.id);
    const names = [o.id, o.label, ...(kind ? [kind.abbreviation, `${kind.abbreviation}s`, kind.name] : [])];
    return names.some((n) => squash(n) === k);
  });
}

/** The meetings of each kind the model gives an academy before anything is agreed with it. */
export function modelCounts(model: ImprovementModel, a: Parameters<typeof rulesFor>[1]): Record<string, number> {
  return Object.fromEntries(rulesFor(model, a).map((r) => [r.meetingKind, r.slots.length]));
}

/** The facts an arrangement changes. */
export type ArrangementFacts = Pick<Academy, 'requests'> &
  Partial<Pick<Academy, 'agreedMeetings' | 'selfEvaluatedGrade' | 'selfEvaluatedOn'>>;

/** What changed between two sets of arrangements, one sentence each, as the preview and the audit trail say it. */
export function arrangementChanges(model: ImprovementModel, before: ArrangementFacts, after: ArrangementFacts): string[] {
  const out: string[] = [];
  for (const o of requestOptions(model)) {
    const was = before.requests.includes(o.id);
    const now = after.requests.includes(o.id);
    if (was !== now) out.push(now ? `Asked for ${o.label}` : `No longer asking for ${o.label}`);
  }
  const kinds = new Set([...Object.keys(before.agreedMeetings ?? {}), ...Object.keys(after.agreedMeetings ?? {})]);
  for (const id of kinds) {
    const was = before.agreedMeetings?.[id];
    const now = after.agreedMeetings?.[id];
    if (was === now) continue;
    const abbreviation = model.meetingKinds.find((k) => k.id === id)?.abbreviation ?? id;
    out.push(
      now === undefined ? `${abbreviation}s back to the model’s number` : `${now} ${abbreviation}${now === 1 ? '' : 's'} a year agreed`,
    );
  }
  if (before.selfEvaluatedGrade !== after.selfEvaluatedGrade || before.selfEvaluatedOn !== after.selfEvaluatedOn) {
    out.push(
      after.selfEvaluatedGrade
        ? `Self-evaluated as ${GRADE_LABELS[after.selfEvaluatedGrade]}${after.selfEvaluatedOn ? ` on ${formatLongDate(after.selfEvaluatedOn)}` : ''}`
        : 'Self-evaluated grade cleared',
    );
  }
  return out;
}

/** One meeting a re-plan adds, moves or removes, in words. */
export interface PlanChange {
  change: 'added' | 'moved' | 'removed';
  academyId: string;
  kind: string;
  date: LocalDate;
  /** Where a moved meeting was. */
  from?: LocalDate;
  meetingId?: string;
  /** "iAIM at Oakfield Primary Academy added on Tuesday 12 January 2027". */
  text: string;
}

interface PlanShape {
  create: readonly MeetingDraft[];
  change: readonly { before: Meeting; after: Meeting }[];
  cancel: readonly Meeting[];
}

/** A plan's writes as a person reads them, in date order: meetings added, moved (from and to) and removed. */
export function describePlan(plan: PlanShape, names: { academy: (id: string) => string; kind: (id: string) => string }): PlanChange[] {
  const what = (m: Pick<Meeting, 'kind' | 'academyId'>) => `${names.kind(m.kind)} at ${names.academy(m.academyId)}`;
  const out: PlanChange[] = [
    ...plan.create.map((m): PlanChange => ({
      change: 'added',
      academyId: m.academyId,
      kind: m.kind,
      date: m.date,
      text: `${what(m)} added on ${formatLongDate(m.date)}`,
    })),
    ...plan.change
      .filter((c) => c.before.date !== c.after.date)
      .map((c): PlanChange => ({
        change: 'moved',
        academyId: c.after.academyId,
        kind: c.after.kind,
        date: c.after.date,
        from: c.before.date,
        meetingId: c.before.id,
        text: `${what(c.after)} moved from ${formatLongDate(c.before.date)} to ${formatLongDate(c.after.date)}`,
      })),
    ...plan.cancel.map((m): PlanChange => ({
      change: 'removed',
      academyId: m.academyId,
      kind: m.kind,
      date: m.date,
      meetingId: m.id,
      text: `${what(m)} on ${formatLongDate(m.date)} removed`,
    })),
  ];
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.text.localeCompare(b.text));
}
