import { academyStatus } from '../domain/academy-status';
import { isActionLive } from '../domain/action-item';
import { judgeProgress } from '../domain/academy-progress';
import { isActionOverdue } from '../domain/carry-forward';
import { nextReviewDate, isReviewOverdue } from '../domain/intervention-reviews';
import { addDays, daysBetween, type LocalDate } from '../domain/local-date';
import type { Meeting } from '../domain/meeting';
import { isPaperOverdue } from '../domain/paper-deadlines';
import { holdersOf, type Person } from '../domain/people';
import { visibleAcademyIds } from '../domain/permissions';
import { nextAcademicYear } from '../domain/school-year/school-calendar';
import { NotFoundError } from '../domain/errors';
import { getAcademyDetail } from './academy-detail.service';
import { listVisibleAcademies, listVisiblePeople, nameDirectory } from './directory.service';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';

const byStart = (a: Meeting, b: Meeting) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

/**
 * What chat reads a message against: today, every academy's name (public, so a head can be told
 * Brook Lane is not theirs), the ones the viewer may see, the model's meeting kinds, this year's and
 * next year's half terms (for "before half term"), and the people the viewer may see, by name only.
 */
export async function chatVocabulary(deps: ServiceDeps, viewer: Person) {
  const [trust, academies, people] = await Promise.all([
    loadTrust(deps),
    deps.store.academies.list({}).toArray(),
    listVisiblePeople(deps, viewer),
  ]);
  const years = [trust.academicYear, nextAcademicYear(trust.academicYear)].filter((y) => trust.calendar.hasYear(y));
  return {
    today: trust.today,
    academies: academies.map((a) => ({ id: a.id, name: a.name, aliases: [...a.aliases] })),
    visibleAcademyIds: visibleAcademyIds(
      viewer,
      academies.map((a) => a.id),
    ),
    meetingKinds: trust.model.meetingKinds.map((k) => ({ id: k.id, name: k.name, abbreviation: k.abbreviation })),
    halfTerms: years.flatMap((y) => trust.calendar.halfTerms(y).map((h) => ({ ...h }))),
    people: people.map((p) => ({ id: p.id, name: p.name })),
  };
}
export type ChatVocabularyView = Awaited<ReturnType<typeof chatVocabulary>>;

/** What overdue at one academy: live actions past their due date, papers past their deadline. */
export async function overdueAtAcademy(deps: ServiceDeps, viewer: Person, academyId: string) {
  requireAcademyAccess(viewer, academyId, 'read');
  const trust = await loadTrust(deps);
  const [academy, actions, meetings, people] = await Promise.all([
    deps.store.academies.get(academyId),
    deps.store.actions.list({ academyId }).toArray(),
    deps.store.meetings.inRange({ from: trust.today, to: addDays(trust.today, 60), academyId }).toArray(),
    nameDirectory(deps, viewer),
  ]);
  return {
    academyId,
    academyName: academy?.name ?? 'that academy',
    actions: actions
      .filter((a) => isActionLive(a) && a.dueDate < trust.today)
      .map((a) => ({ text: a.text, ownerName: people.nameOf(a.ownerId), dueDate: a.dueDate })),
    papers: meetings.flatMap((m) =>
      m.papers.filter((p) => isPaperOverdue(p, m, trust.today)).map((p) => ({ title: p.title, dueDate: p.dueDate, meetingDate: m.date })),
    ),
  };
}

/** Overdue actions at every academy the viewer may see (or one person's: "what is Daniel behind on", "what have I let slip"), most overdue academy first. */
export async function overdueAcrossTrust(deps: ServiceDeps, viewer: Person, options: { ownerId?: string } = {}) {
  const trust = await loadTrust(deps);
  const [actions, academies, people] = await Promise.all([
    deps.store.actions.list({}).toArray(),
    listVisibleAcademies(deps, viewer),
    nameDirectory(deps, viewer),
  ]);
  const names = new Map(academies.map((a) => [a.id, a.name]));
  const late = actions.filter(
    (a) => names.has(a.academyId) && isActionOverdue(a, trust.today) && (options.ownerId === undefined || a.ownerId === options.ownerId),
  );
  const grouped = new Map<string, { text: string; ownerName: string; dueDate: LocalDate; daysLate: number }[]>();
  for (const a of late.sort((x, y) => x.dueDate.localeCompare(y.dueDate))) {
    const list = grouped.get(a.academyId) ?? [];
    list.push({ text: a.text, ownerName: people.nameOf(a.ownerId), dueDate: a.dueDate, daysLate: daysBetween(a.dueDate, trust.today) });
    grouped.set(a.academyId, list);
  }
  return {
    today: trust.today,
    ...(options.ownerId ? { ownerName: options.ownerId === viewer.id ? viewer.name : people.nameOf(options.ownerId) } : {}),
    total: late.length,
    academies: [...grouped.entries()]
      .map(([academyId, list]) => ({ academyId, academyName: names.get(academyId)!, actions: list }))
      .sort((a, b) => b.actions.length - a.actions.length || a.academyName.localeCompare(b.academyName, 'en-GB')),
  };
}

/** Who's who at an academy: its head, chair of governors, governors, improvement director, and who chairs each kind of meeting (the next one, else the last). */
export async function academyPeople(deps: ServiceDeps, viewer: Person, academyId: string) {
  requireAcademyAccess(viewer, academyId, 'read');
  const trust = await loadTrust(deps);
  const [academy, meetings, directory] = await Promise.all([
    deps.store.academies.get(academyId),
    deps.store.meetings.list({ academyId }).toArray(),
    nameDirectory(deps, viewer),
  ]);
  if (!academy) throw new NotFoundError('academy', academyId);
  const names = (people: readonly Person[]) => people.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'en-GB'));
  const live = meetings.filter((m) => m.status !== 'cancelled');
  const meetingChairs = trust.model.meetingKinds.flatMap((k) => {
    const ofKind = live.filter((m) => m.kind === k.id).sort(byStart);
    const chosen = ofKind.find((m) => m.status === 'planned' && m.date >= trust.today) ?? ofKind.filter((m) => m.date < trust.today).at(-1);
    return chosen
      ? [
          {
            kind: k.abbreviation,
            kindName: k.name,
            chairName: directory.nameOf(chosen.chairId),
            date: chosen.date,
            upcoming: chosen.date >= trust.today,
          },
        ]
      : [];
  });
  return {
    academyId,
    academyName: academy.name,
    heads: names(holdersOf(directory.people, 'head', academyId)),
    chairsOfGovernors: names(holdersOf(directory.people, 'chair-lgb', academyId)),
    governors: names(holdersOf(directory.people, 'governor', academyId)),
    improvementDirector: directory.nameOf(academy.improvementDirectorId),
    meetingChairs,
  };
}

/**
 * Whether an academy is improving, with the evidence named: its KPIs at each data point against
 * their targets, each inspection area's indicative grade meeting by meeting, its RAG now with
 * reasons and its moves on the escalation ladder. Read through `getAcademyDetail` (the tab's academy
 * page), so it shows exactly what the viewer may see there. `measures` narrows it to KPIs whose
 * names contain one of the words ("attendance").
 */
export async function academyProgress(
  deps: ServiceDeps,
  viewer: Person,
  academyId: string,
  options: { measures?: readonly string[] } = {},
) {
  const [detail, trust] = await Promise.all([getAcademyDetail(deps, viewer, academyId), loadTrust(deps)]);
  const wanted = options.measures?.map((w) => w.toLowerCase());
  const kpis = detail.kpis.filter((k) => !wanted || wanted.some((w) => k.measure.toLowerCase().includes(w)));
  const areaLabels = new Map(detail.inspectionAreas.map((a) => [a.id, a.label]));
  const progress = judgeProgress({
    kpis: kpis.map((k) => ({
      measure: k.measure,
      unit: k.unit,
      higherIsBetter: k.higherIsBetter,
      target: k.target,
      dataPoints: k.dataPoints.map((p) => ({ point: p.point, value: p.value })),
    })),
    meetings: detail.meetings
      .filter((m) => m.status === 'held' && m.judgements.length > 0)
      .map((m) => ({
        meetingId: m.id,
        date: m.date,
        kindName: m.abbreviation,
        judgements: m.judgements.map((j) => ({
          area: areaLabels.get(j.area) ?? j.area,
          ...(j.indicativeGrade ? { indicativeGrade: j.indicativeGrade } : {}),
        })),
      })),
    escalations: detail.escalations.map((e) => ({ step: e.step, at: e.at })),
  });
  return {
    academyId,
    academyName: detail.status.name,
    academicYear: detail.academicYear,
    rag: { level: detail.status.rag, reasons: detail.status.reasons.map((r) => r.text) },
    ladder: { step: detail.status.escalation.step, of: detail.status.escalation.of, label: detail.status.escalation.label },
    dataPointLabels: Object.fromEntries(trust.model.kpis.dataPoints.map((d) => [d.number, d.label])) as Record<number, string>,
    askedAbout: wanted && kpis.length === 0 ? 'no-such-kpi' : undefined,
    ...progress,
  };
}

/** Support days, interventions and the escalation step at an academy, with the history behind each. */
export async function academySupport(deps: ServiceDeps, viewer: Person, academyId: string) {
  requireAcademyAccess(viewer, academyId, 'read');
  const trust = await loadTrust(deps);
  const [inputs, directory, academies] = await Promise.all([
    deps.store.statusInputs(academyId, trust.academicYear),
    nameDirectory(deps, viewer),
    deps.store.academies.list({}).toArray(),
  ]);
  if (!inputs) throw new NotFoundError('academy', academyId);
  const status = academyStatus(inputs, { model: trust.model, calendar: trust.calendar, today: trust.today });
  const academyName = new Map(academies.map((a) => [a.id, a.name]));
  const kindLabel = new Map(trust.model.interventionKinds.map((k) => [k.id, k.label]));
  const stepLabel = new Map(trust.model.escalation.steps.map((s) => [s.id, s.label]));
  const own = <T extends { academyId: string }>(xs: readonly T[]) => xs.filter((x) => x.academyId === academyId);
  return {
    academyId,
    academyName: status.name,
    today: trust.today,
    supportDays: status.supportDays,
    developmentDays: own(inputs.supportDays)
      .filter((d) => d.kind !== 'core')
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((d) => ({ date: d.date, days: d.days, description: d.description })),
    interventions: own(inputs.interventions)
      .sort((a, b) => a.startDate.localeCompare(b.startDate))
      .map((i) => {
        const next = nextReviewDate(i);
        return {
          title: i.title,
          kind: kindLabel.get(i.kind) ?? i.kind,
          status: i.status,
          startDate: i.startDate,
          endDate: i.endDate,
          leadName: directory.nameOf(i.leadId),
          ...(i.supportingAcademyId ? { supportingAcademy: academyName.get(i.supportingAcademyId) ?? 'another academy' } : {}),
          ...(next ? { nextReview: next } : {}),
          reviewOverdue: isReviewOverdue(i, trust.today),
        };
      }),
    escalation: {
      step: status.escalation.step,
      of: status.escalation.of,
      label: status.escalation.label,
      ...(status.escalation.since ? { since: status.escalation.since } : {}),
      history: own(inputs.escalations)
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((e) => ({
          step: e.step + 1,
          label: stepLabel.get(e.stepId) ?? e.stepId,
          at: e.at,
          byName: directory.nameOf(e.by),
          reason: e.reason,
        })),
    },
  };
}
