import { z } from 'zod';
import { GRADE_LABELS, isBelowGood, type Grade } from './grades';
import {
  gradedAreas,
  inWords,
  matchInWords,
  reportCardAreasSchema,
  ruleMatch,
  safeguardingSchema,
  type ReportCardInspection,
  type ReportCardRule,
} from './inspections';
import { localDateSchema, type LocalDate } from './local-date';
import type { Meeting } from './meeting';
import type { ImprovementModel } from './models/improvement-model.schema';
import { refuse, withArticle, type Outcome } from './outcome';
import {
  REPORT_CARD_GRADE_LABELS,
  REPORT_CARD_TONE,
  reportCardAreaLabel,
  reportCardRank,
  SAFEGUARDING_LABELS,
  type GradeTone,
  type ReportCardArea,
  type ReportCardGrade,
  type Safeguarding,
} from './report-card-labels';

/**
 * The academy's own view of where it stands, area by area on the report card's scale (its SEF), set
 * at the meeting the trust's model names and compared with its latest report card. DSAT's iAIMs
 * follow self-evaluation as well as inspection ("less than good (inspection or self-evaluation)").
 */
export const selfEvaluationSchema = z
  .object({
    areas: reportCardAreasSchema,
    safeguarding: safeguardingSchema.optional(),
    /** The meeting it was set at, and that meeting's date. */
    meetingId: z.string().min(1),
    date: localDateSchema,
    setBy: z.string().min(1),
    setAt: z.string().min(1),
  })
  .strict();
export type SelfEvaluation = z.infer<typeof selfEvaluationSchema>;

export type SelfEvaluationCode =
  | 'SELF_EVALUATION.NO_MEETING_NAMED'
  | 'SELF_EVALUATION.NOT_AT_THIS_MEETING'
  | 'SELF_EVALUATION.OTHER_ACADEMY'
  | 'SELF_EVALUATION.MEETING_CANCELLED'
  | 'SELF_EVALUATION.NO_SIXTH_FORM';

export interface SelfEvaluationInput {
  areas: z.infer<typeof reportCardAreasSchema>;
  safeguarding?: Safeguarding | undefined;
}

/**
 * Sets the academy's self-evaluation at one of its meetings of the kind the model names (Waterton:
 * the Academy Self-Evaluation Review). It replaces the earlier one, and the older single-grade
 * `selfEvaluatedGrade` with it.
 */
export function setSelfEvaluation<
  A extends {
    id: string;
    name: string;
    phase: string;
    selfEvaluatedGrade?: Grade | undefined;
    selfEvaluatedOn?: string | undefined;
    selfEvaluation?: SelfEvaluation | undefined;
  },
>(
  academy: A,
  input: SelfEvaluationInput,
  meeting: Pick<Meeting, 'id' | 'academyId' | 'kind' | 'date' | 'status'>,
  model: ImprovementModel,
  by: { personId: string; at: string },
): Outcome<{ academy: A; selfEvaluation: SelfEvaluation }, SelfEvaluationCode> {
  const setAt = model.selfEvaluation.setAt;
  const kinds = setAt.map((id) => model.meetingKinds.find((k) => k.id === id)).filter((k) => k !== undefined);
  if (kinds.length === 0)
    return refuse(
      'SELF_EVALUATION.NO_MEETING_NAMED',
      'The trust’s improvement model does not name the meeting at which academies set their self-evaluation; the trust administrator can add it in Settings.',
    );
  if (meeting.academyId !== academy.id) return refuse('SELF_EVALUATION.OTHER_ACADEMY', `That meeting is not one of ${academy.name}’s.`);
  if (!setAt.includes(meeting.kind)) {
    const at = model.meetingKinds.find((k) => k.id === meeting.kind);
    return refuse(
      'SELF_EVALUATION.NOT_AT_THIS_MEETING',
      `The trust sets self-evaluation at ${kinds.map((k) => `${withArticle(k.name)} (${k.abbreviation})`).join(' or ')}, not at ${at ? withArticle(at.name) : 'this meeting'}.`,
    );
  }
  if (meeting.status === 'cancelled')
    return refuse('SELF_EVALUATION.MEETING_CANCELLED', 'That meeting was cancelled; set the self-evaluation at one that takes place.');
  if (input.areas['sixth-form'] && academy.phase === 'primary')
    return refuse('SELF_EVALUATION.NO_SIXTH_FORM', `${academy.name} is a primary school, so it has no sixth form to evaluate.`);
  const selfEvaluation: SelfEvaluation = {
    areas: input.areas,
    ...(input.safeguarding ? { safeguarding: input.safeguarding } : {}),
    meetingId: meeting.id,
    date: meeting.date,
    setBy: by.personId,
    setAt: by.at,
  };
  const next: A = { ...academy, selfEvaluation };
  // The single grade (and the date it was given, set with the year's arrangements) gives way to the view by area.
  delete next.selfEvaluatedGrade;
  delete next.selfEvaluatedOn;
  return { ok: true, academy: next, selfEvaluation };
}

/** Why the academy's own view is below Good, in words, or undefined: the per-area self-evaluation when there is one, else the older single grade. */
export function whySelfEvaluationBelowGood(
  a: { selfEvaluation?: SelfEvaluation | undefined; selfEvaluatedGrade?: Grade | undefined },
  belowGood: ReportCardRule,
): string | undefined {
  if (a.selfEvaluation) {
    const m = ruleMatch(belowGood, a.selfEvaluation);
    return m ? `its self-evaluation of ${inWords(a.selfEvaluation.date)} has ${matchInWords(m)}` : undefined;
  }
  return isBelowGood(a.selfEvaluatedGrade) ? `its self-evaluation is ${GRADE_LABELS[a.selfEvaluatedGrade!]}` : undefined;
}

type Graded = { grade: ReportCardGrade; label: string; tone: GradeTone };
const gradedAs = (grade: ReportCardGrade): Graded => ({ grade, label: REPORT_CARD_GRADE_LABELS[grade], tone: REPORT_CARD_TONE[grade] });

/** One area: the academy's view beside Ofsted's. */
export interface AreaComparison {
  area: ReportCardArea;
  label: string;
  self: Graded;
  reportCard?: Graded;
  /** Where the academy's view sits against its latest report card. */
  comparison: 'higher' | 'same' | 'lower' | 'no-report-card';
}

export interface SelfEvaluationComparison {
  date: LocalDate;
  meetingId: string;
  reportCardDate?: LocalDate;
  areas: AreaComparison[];
  safeguarding?: { self: Safeguarding; label: string; reportCard?: Safeguarding };
  /** "Higher than the report card in 1 area, lower in none" or "No report card yet to compare with". */
  summary: string;
}

/** The self-evaluation beside the latest report card, area by area. */
export function compareSelfEvaluation(se: SelfEvaluation, card: ReportCardInspection | undefined): SelfEvaluationComparison {
  const areas = gradedAreas(se.areas).map(({ area, grade }): AreaComparison => {
    const theirs = card?.areas[area];
    const d = theirs === undefined ? undefined : reportCardRank(grade) - reportCardRank(theirs);
    return {
      area,
      label: reportCardAreaLabel(area),
      self: gradedAs(grade),
      ...(theirs ? { reportCard: gradedAs(theirs) } : {}),
      comparison: d === undefined ? 'no-report-card' : d > 0 ? 'higher' : d < 0 ? 'lower' : 'same',
    };
  });
  const higher = areas.filter((a) => a.comparison === 'higher').length;
  const lower = areas.filter((a) => a.comparison === 'lower').length;
  const area = (n: number) => (n === 0 ? 'none' : `${n} area${n === 1 ? '' : 's'}`);
  const summary = !card
    ? 'No report card yet to compare with'
    : higher === 0 && lower === 0
      ? 'The same as the report card in every area'
      : `Higher than the report card in ${area(higher)}, lower in ${area(lower)}`;
  return {
    date: se.date,
    meetingId: se.meetingId,
    ...(card ? { reportCardDate: card.date } : {}),
    areas,
    ...(se.safeguarding
      ? {
          safeguarding: {
            self: se.safeguarding,
            label: SAFEGUARDING_LABELS[se.safeguarding],
            ...(card ? { reportCard: card.safeguarding } : {}),
          },
        }
      : {}),
    summary,
  };
}
