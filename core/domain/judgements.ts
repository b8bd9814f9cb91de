import { GRADE_LABELS, type Grade } from './grades';
import type { LocalDate } from './local-date';
import type { Judgement, Meeting } from './meeting';
import type { ImprovementModel } from './models/improvement-model.schema';
import { refuse, withArticle, type Outcome } from './outcome';
import { REPORT_CARD_GRADE_LABELS, REPORT_CARD_GRADES, type ReportCardGrade } from './report-card-labels';

export interface JudgementInput {
  area: string;
  evidence: string;
  /** On the old four-point scale, where the model's `judgementScale` is "ofsted-grades". */
  indicativeGrade?: Grade | undefined;
  /** On the report card's five-point scale, where the model's `judgementScale` is "report-card". */
  reportCardGrade?: ReportCardGrade | undefined;
  /** Submitted visits of the academy cited as evidence, already checked by the caller (monitoring-visits.service.ts). */
  evidenceVisitIds?: readonly string[] | undefined;
}

export type JudgementCode =
  | 'JUDGEMENT.NOT_AT_THIS_MEETING'
  | 'JUDGEMENT.UNKNOWN_AREA'
  | 'JUDGEMENT.EVIDENCE_REQUIRED'
  | 'JUDGEMENT.MEETING_CANCELLED'
  | 'JUDGEMENT.WRONG_SCALE';

/** An area's name, including the headings the trust judged under before (so past meetings still read: DSAT's "Teaching and learning"). */
export const areaLabelOf = (model: Pick<ImprovementModel, 'inspectionAreas' | 'formerInspectionAreas'>, id: string): string =>
  model.inspectionAreas.find((a) => a.id === id)?.label ?? model.formerInspectionAreas.find((a) => a.id === id)?.label ?? id;

/** A judgement's indicative grade in words, on whichever scale it was given. */
export const judgementGradeLabel = (j: { indicativeGrade?: Grade | undefined; reportCardGrade?: ReportCardGrade | undefined }): string =>
  j.reportCardGrade ? REPORT_CARD_GRADE_LABELS[j.reportCardGrade] : j.indicativeGrade ? GRADE_LABELS[j.indicativeGrade] : 'no grade';

const SCALE_WORDS = {
  'report-card': REPORT_CARD_GRADES.map((g) => REPORT_CARD_GRADE_LABELS[g].toLowerCase()).join(', '),
  'ofsted-grades': 'Outstanding, Good, Requires Improvement, Inadequate',
};

/**
 * Records the evidence and an indicative inspection grade for one area (DSAT: "evidence will be
 * sought and discussed under the main inspection headings and summary comment will be made against
 * each"). Recording an area again replaces the earlier judgement in that meeting.
 */
export function recordJudgement(
  meeting: Meeting,
  input: JudgementInput,
  model: ImprovementModel,
): Outcome<{ meeting: Meeting; judgement: Judgement }, JudgementCode> {
  const kind = model.meetingKinds.find((k) => k.id === meeting.kind);
  if (!kind?.recordsJudgements) {
    return refuse(
      'JUDGEMENT.NOT_AT_THIS_MEETING',
      `Judgements by inspection area are not recorded at ${kind ? withArticle(kind.name) : 'this kind of meeting'}.`,
    );
  }
  if (meeting.status === 'cancelled')
    return refuse('JUDGEMENT.MEETING_CANCELLED', 'That meeting was cancelled, so no judgement can be recorded in it.');
  const area = model.inspectionAreas.find((a) => a.id === input.area);
  if (!area)
    return refuse(
      'JUDGEMENT.UNKNOWN_AREA',
      `“${input.area}” is not one of the trust’s inspection areas: ${model.inspectionAreas.map((a) => a.label).join(', ')}.`,
    );
  const evidence = input.evidence.trim();
  if (evidence === '') return refuse('JUDGEMENT.EVIDENCE_REQUIRED', `Record the evidence for ${area.label} that supports the judgement.`);
  // The model names one scale; a grade on the other would read as a different judgement (Ofsted: the new grades cannot be compared with the old).
  const scale = model.judgementScale;
  const wrong =
    scale === 'report-card'
      ? input.indicativeGrade && GRADE_LABELS[input.indicativeGrade]
      : input.reportCardGrade && REPORT_CARD_GRADE_LABELS[input.reportCardGrade];
  if (wrong)
    return refuse(
      'JUDGEMENT.WRONG_SCALE',
      `“${wrong}” is not on the trust’s scale for judgements at meetings; give one of: ${SCALE_WORDS[scale]}.`,
    );
  const grade =
    scale === 'report-card'
      ? input.reportCardGrade
        ? { reportCardGrade: input.reportCardGrade }
        : {}
      : input.indicativeGrade
        ? { indicativeGrade: input.indicativeGrade }
        : {};
  const cited = input.evidenceVisitIds?.length ? { evidenceVisitIds: [...new Set(input.evidenceVisitIds)] } : {};
  const judgement: Judgement = { area: area.id, evidence, ...grade, ...cited };
  const judgements = [...meeting.judgements.filter((j) => j.area !== area.id), judgement];
  return { ok: true, meeting: { ...meeting, judgements }, judgement };
}

export interface AreaCoverage {
  id: string;
  label: string;
  /** Held meetings where the area was a focus or was judged, oldest first. */
  heldIn: { meetingId: string; date: LocalDate }[];
  /** Planned meetings that have agreed it as their focus. */
  plannedIn: { meetingId: string; date: LocalDate }[];
}

export interface FocusCoverage {
  areas: AreaCoverage[];
  /** Areas no held meeting has looked at yet. */
  notYetCovered: { id: string; label: string }[];
  allCovered: boolean;
  /** The area to agree as the next focus: one never covered or planned, else the longest since it was looked at. */
  suggestedNext: { id: string; label: string };
}

/**
 * Which inspection areas have been a focus across an academy's meetings, so that (DSAT) "all areas
 * will be covered over a period of time". A focus may name an area by id or by label.
 */
export function focusCoverage(meetings: readonly Meeting[], model: ImprovementModel, academy?: { phase: string }): FocusCoverage {
  const matches = (focus: string, area: { id: string; label: string }) => {
    const f = focus.trim().toLowerCase();
    return f === area.id || f === area.label.toLowerCase();
  };
  const ordered = meetings.filter((m) => m.status !== 'cancelled').sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  // A primary has no sixth form and a secondary no early years to cover (the report card grades them only where the school has them).
  const absent = academy?.phase === 'primary' ? 'sixth-form' : academy?.phase === 'secondary' ? 'early-years' : undefined;
  const areas = model.inspectionAreas
    .filter((a) => a.id !== absent)
    .map((area): AreaCoverage => {
      const cover: AreaCoverage = { id: area.id, label: area.label, heldIn: [], plannedIn: [] };
      for (const m of ordered) {
        const inFocus = m.focus.some((f) => matches(f, area));
        const judged = m.judgements.some((j) => j.area === area.id);
        if (m.status === 'held' && (inFocus || judged)) cover.heldIn.push({ meetingId: m.id, date: m.date });
        if (m.status === 'planned' && inFocus) cover.plannedIn.push({ meetingId: m.id, date: m.date });
      }
      return cover;
    });
  const notYetCovered = areas.filter((a) => a.heldIn.length === 0).map(({ id, label }) => ({ id, label }));
  const lastLooked = (a: AreaCoverage): string => a.heldIn[a.heldIn.length - 1]?.date ?? '';
  const candidate =
    areas.find((a) => a.heldIn.length === 0 && a.plannedIn.length === 0) ??
    [...areas].filter((a) => a.plannedIn.length === 0).sort((x, y) => lastLooked(x).localeCompare(lastLooked(y)))[0] ??
    [...areas].sort((x, y) => lastLooked(x).localeCompare(lastLooked(y)))[0]!;
  return { areas, notYetCovered, allCovered: notYetCovered.length === 0, suggestedNext: { id: candidate.id, label: candidate.label } };
}
