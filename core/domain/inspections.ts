import { z } from 'zod';
import { GRADE_LABELS, gradeSchema, isBelowGood, type Grade, type OfstedGrade } from './grades';
import { localDateSchema, type LocalDate } from './local-date';
import { formatLongDate } from './london-time';
import { countOf, refuse, type Outcome } from './outcome';
import {
  listInWords,
  REPORT_CARD_AREAS,
  REPORT_CARD_GRADE_LABELS,
  REPORT_CARD_GRADES,
  REPORT_CARD_TONE,
  reportCardAreaLabel,
  reportCardRank,
  SAFEGUARDING_LABELS,
  SAFEGUARDING_TONE,
  type GradeTone,
  type ReportCardArea,
  type ReportCardGrade,
  type Safeguarding,
} from './report-card-labels';

/**
 * An academy's inspections: single-word grades for inspections under the old framework, report
 * cards since Ofsted's renewed framework (docs/ofsted.md has the sources). A trust holds both, and
 * its rules read the latest one.
 */

/** Ofsted's school inspection operating guide is "for use on inspections from 10 November 2025". */
export const RENEWED_FRAMEWORK_FROM: LocalDate = '2025-11-10';

const GRADE_WORDS = 'urgent improvement, needs attention, expected standard, strong standard or exceptional';
export const reportCardGradeSchema = z.enum(REPORT_CARD_GRADES, {
  error: (i) => (i.input === undefined ? `grade this area: ${GRADE_WORDS}` : `choose one of: ${GRADE_WORDS}`),
});
const AREA_IDS = REPORT_CARD_AREAS.map((a) => a.id) as unknown as readonly [ReportCardArea, ...ReportCardArea[]];
export const reportCardAreaSchema = z.enum(AREA_IDS, {
  error: `choose one of the report card's areas: ${REPORT_CARD_AREAS.map((a) => a.label.toLowerCase()).join(', ')}`,
});
export const safeguardingSchema = z.enum(['met', 'not-met'], { error: 'say whether safeguarding is met or not met' });

const graded = (title: string) => reportCardGradeSchema.meta({ title });

/** A grade per evaluation area; early years and sixth form only where the school has them. */
export const reportCardAreasSchema = z
  .object({
    inclusion: graded('Inclusion'),
    'curriculum-and-teaching': graded('Curriculum and teaching'),
    achievement: graded('Achievement'),
    'attendance-and-behaviour': graded('Attendance and behaviour'),
    'personal-development-and-wellbeing': graded('Personal development and wellbeing'),
    'leadership-and-governance': graded('Leadership and governance'),
    'early-years': graded('Early years').optional(),
    'sixth-form': graded('Sixth form').optional(),
  })
  .strict();
export type ReportCardAreas = z.infer<typeof reportCardAreasSchema>;

const recorded = {
  date: localDateSchema.meta({ title: 'Inspection date' }),
  /** Who recorded it in the app, and when (UTC). */
  recordedBy: z.string().min(1).optional(),
  recordedAt: z.string().min(1).optional(),
};

/** An inspection under the old framework: one overall grade. */
export const gradeInspectionSchema = z
  .object({ kind: z.literal('grade'), ...recorded, grade: gradeSchema.meta({ title: 'Grade' }) })
  .strict();
/** An inspection under the renewed framework: a report card, with safeguarding judged apart. */
export const reportCardInspectionSchema = z
  .object({
    kind: z.literal('report-card'),
    ...recorded,
    areas: reportCardAreasSchema.meta({ title: 'Report card' }),
    safeguarding: safeguardingSchema.meta({ title: 'Safeguarding' }),
  })
  .strict();
export const inspectionSchema = z.discriminatedUnion('kind', [gradeInspectionSchema, reportCardInspectionSchema]);
export type GradeInspection = z.infer<typeof gradeInspectionSchema>;
export type ReportCardInspection = z.infer<typeof reportCardInspectionSchema>;
export type Inspection = z.infer<typeof inspectionSchema>;

/**
 * How a trust reads a report card where its rules speak of the old grades ("below Good", "RI"):
 * holds when any area counted is at or below a grade, or (when asked) safeguarding is not met.
 */
export const reportCardRuleSchema = z
  .object({
    anyAreaAtOrBelow: reportCardGradeSchema.optional(),
    /** Only these areas count; absent means every area on the card. */
    inAreas: z.array(reportCardAreaSchema).min(1).optional(),
    safeguardingNotMet: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.anyAreaAtOrBelow !== undefined || r.safeguardingNotMet, {
    message: 'say which grade counts (anyAreaAtOrBelow) or that safeguarding not met counts',
  });
export type ReportCardRule = z.infer<typeof reportCardRuleSchema>;

/** The reading a model gets when it says nothing: any area below the expected standard, or safeguarding not met. */
export const DEFAULT_BELOW_GOOD: ReportCardRule = { anyAreaAtOrBelow: 'needs-attention', safeguardingNotMet: true };

/** The date given to a legacy grade recorded without one, so it sorts before every dated inspection. */
export const UNDATED: LocalDate = '0000-01-01';

/** What an academy record holds about inspection (legacy fields included). */
export interface InspectionFacts {
  ofstedGrade: OfstedGrade;
  ofstedDate?: LocalDate | undefined;
  inspections?: readonly Inspection[] | undefined;
}

/**
 * Every inspection, oldest first. Records from before report cards (the CSV import, an admin's edit)
 * hold only `ofstedGrade` / `ofstedDate`; that grade is part of the history unless already in it.
 */
export function inspectionHistory(a: InspectionFacts): Inspection[] {
  const list = [...(a.inspections ?? [])];
  if (
    a.ofstedGrade !== 'not-inspected' &&
    !list.some((i) => i.kind === 'grade' && i.grade === a.ofstedGrade && i.date === (a.ofstedDate ?? i.date))
  ) {
    // A grade with no date sorts first: older than anything dated.
    list.push({ kind: 'grade', grade: a.ofstedGrade, date: a.ofstedDate ?? UNDATED });
  }
  return list.sort((x, y) => x.date.localeCompare(y.date) || (x.kind === y.kind ? 0 : x.kind === 'grade' ? -1 : 1));
}

/** The inspection the trust's rules read: the newest. */
export const latestInspection = (a: InspectionFacts): Inspection | undefined => inspectionHistory(a).at(-1);

/** The latest report card, if the academy has had one. */
export const latestReportCard = (a: InspectionFacts): ReportCardInspection | undefined =>
  inspectionHistory(a)
    .filter((i): i is ReportCardInspection => i.kind === 'report-card')
    .at(-1);

/** The old grade as the seeds' `ofstedGrades` conditions read it: undefined when the latest inspection is a report card. */
export function latestGrade(a: InspectionFacts): OfstedGrade | undefined {
  const latest = latestInspection(a);
  if (!latest) return 'not-inspected';
  return latest.kind === 'grade' ? latest.grade : undefined;
}

/** Areas graded (in the card's order) with their grades. */
export const gradedAreas = (areas: Partial<Record<ReportCardArea, ReportCardGrade>>): { area: ReportCardArea; grade: ReportCardGrade }[] =>
  REPORT_CARD_AREAS.flatMap((a) => (areas[a.id] ? [{ area: a.id, grade: areas[a.id]! }] : []));

/** What made a rule hold: the areas at or below its grade, and whether safeguarding was not met. */
export interface RuleMatch {
  areas: { area: ReportCardArea; grade: ReportCardGrade }[];
  safeguardingNotMet: boolean;
}

/** Whether a trust's reading holds for a card (or a self-evaluation on the same scale), and why. */
export function ruleMatch(
  rule: ReportCardRule,
  card: { areas: Partial<Record<ReportCardArea, ReportCardGrade>>; safeguarding?: Safeguarding | undefined },
): RuleMatch | undefined {
  const limit = rule.anyAreaAtOrBelow;
  const areas =
    limit === undefined
      ? []
      : gradedAreas(card.areas).filter(
          (x) => (!rule.inAreas || rule.inAreas.includes(x.area)) && reportCardRank(x.grade) <= reportCardRank(limit),
        );
  const safeguardingNotMet = rule.safeguardingNotMet && card.safeguarding === 'not-met';
  return areas.length > 0 || safeguardingNotMet ? { areas, safeguardingNotMet } : undefined;
}

/** "leadership and governance at needs attention", "achievement at urgent improvement and inclusion at needs attention, and safeguarding not met". */
export function matchInWords(m: RuleMatch): string {
  const byGrade = REPORT_CARD_GRADES.flatMap((g) => {
    const here = m.areas.filter((x) => x.grade === g).map((x) => reportCardAreaLabel(x.area).toLowerCase());
    return here.length ? [`${listInWords(here)} at ${REPORT_CARD_GRADE_LABELS[g].toLowerCase()}`] : [];
  });
  const parts = [...(byGrade.length ? [listInWords(byGrade)] : []), ...(m.safeguardingNotMet ? ['safeguarding not met'] : [])];
  return parts.join(', and ');
}

/** A reading in words: "any area at needs attention or below, or safeguarding not met". */
export function ruleInWords(rule: ReportCardRule): string {
  const where = rule.inAreas ? listInWords(rule.inAreas.map((a) => reportCardAreaLabel(a).toLowerCase())) : 'any area';
  const grade =
    rule.anyAreaAtOrBelow === undefined
      ? undefined
      : rule.anyAreaAtOrBelow === 'urgent-improvement'
        ? `${where} at urgent improvement`
        : `${where} at ${REPORT_CARD_GRADE_LABELS[rule.anyAreaAtOrBelow].toLowerCase()} or below`;
  return [grade, rule.safeguardingNotMet ? 'safeguarding not met' : undefined].filter((x) => x !== undefined).join(', or ');
}

/** "12 January 2026": the day a reason names, without its weekday. */
export const inWords = (date: LocalDate): string => formatLongDate(date).replace(/^\S+ /, '');

/** Below Good on this inspection, as the trust reads it: RI or Inadequate, or the trust's reading of a report card. */
export function isInspectionBelowGood(i: Inspection, belowGood: ReportCardRule = DEFAULT_BELOW_GOOD): boolean {
  return i.kind === 'grade' ? isBelowGood(i.grade) : ruleMatch(belowGood, i) !== undefined;
}

/** Why the latest inspection is below Good, in words ("its report card of 12 January 2026 has …"), or undefined when it is not. */
export function whyInspectionBelowGood(i: Inspection | undefined, belowGood: ReportCardRule = DEFAULT_BELOW_GOOD): string | undefined {
  if (!i) return undefined;
  if (i.kind === 'grade') return isBelowGood(i.grade) ? `its last inspection${dated(i.date)} was ${GRADE_LABELS[i.grade]}` : undefined;
  const m = ruleMatch(belowGood, i);
  return m ? `its report card of ${inWords(i.date)} has ${matchInWords(m)}` : undefined;
}

const dated = (d: LocalDate): string => (d === UNDATED ? '' : ` (${inWords(d)})`);

/** Any area below the expected standard, or safeguarding not met: Ofsted's monitoring inspections follow (docs/ofsted.md). */
export function monitoringExpected(card: ReportCardInspection): RuleMatch | undefined {
  return ruleMatch({ anyAreaAtOrBelow: 'needs-attention', safeguardingNotMet: true }, card);
}

/** "All areas at the expected standard or better; safeguarding met", "1 area needs attention; safeguarding met". */
export function reportCardSummary(card: ReportCardInspection): string {
  const below = gradedAreas(card.areas).filter((x) => reportCardRank(x.grade) < reportCardRank('expected-standard'));
  const urgent = below.filter((x) => x.grade === 'urgent-improvement').length;
  const attention = below.length - urgent;
  const parts =
    below.length === 0
      ? ['all areas at the expected standard or better']
      : [
          ...(urgent ? [`${countOf(urgent, 'area')} at urgent improvement`] : []),
          ...(attention ? [`${countOf(attention, 'area')} at needs attention`] : []),
        ];
  return `Report card: ${listInWords(parts)}; safeguarding ${SAFEGUARDING_LABELS[card.safeguarding].toLowerCase()}`;
}

/** One inspection as hosts show it: the grade, or every area with its words and tone, and safeguarding. */
export type InspectionView =
  | { kind: 'grade'; date?: LocalDate; grade: Grade; label: string }
  | {
      kind: 'report-card';
      date: LocalDate;
      label: string;
      areas: { area: ReportCardArea; label: string; grade: ReportCardGrade; gradeLabel: string; tone: GradeTone }[];
      safeguarding: { value: Safeguarding; label: string; tone: GradeTone };
      /** Set when Ofsted's monitoring inspections are to be expected, and why. */
      monitoring?: string;
    };

export function inspectionView(i: Inspection): InspectionView {
  if (i.kind === 'grade')
    return { kind: 'grade', ...(i.date === UNDATED ? {} : { date: i.date }), grade: i.grade, label: GRADE_LABELS[i.grade] };
  const monitoring = monitoringExpected(i);
  return {
    kind: 'report-card',
    date: i.date,
    label: reportCardSummary(i),
    areas: gradedAreas(i.areas).map((x) => ({
      area: x.area,
      label: reportCardAreaLabel(x.area),
      grade: x.grade,
      gradeLabel: REPORT_CARD_GRADE_LABELS[x.grade],
      tone: REPORT_CARD_TONE[x.grade],
    })),
    safeguarding: { value: i.safeguarding, label: SAFEGUARDING_LABELS[i.safeguarding], tone: SAFEGUARDING_TONE[i.safeguarding] },
    ...(monitoring ? { monitoring: `Ofsted monitoring inspections are expected: ${matchInWords(monitoring)}` } : {}),
  };
}

/**
 * RAG from a report card, as the legacy grades give it (RI amber, Inadequate red): urgent improvement
 * anywhere or safeguarding not met is red (Ofsted's categories of concern start there, docs/ofsted.md),
 * the trust's "below Good" reading is amber.
 */
export function reportCardRag(
  card: ReportCardInspection,
  belowGood: ReportCardRule = DEFAULT_BELOW_GOOD,
): { level: 'red' | 'amber'; text: string } | undefined {
  const serious = ruleMatch({ anyAreaAtOrBelow: 'urgent-improvement', safeguardingNotMet: true }, card);
  if (serious) return { level: 'red', text: `Ofsted report card: ${matchInWords(serious)}` };
  const below = ruleMatch(belowGood, card);
  return below ? { level: 'amber', text: `Ofsted report card: ${matchInWords(below)}` } : undefined;
}

export type InspectionCode =
  | 'INSPECTION.IN_THE_FUTURE'
  | 'INSPECTION.GRADE_UNDER_RENEWED_FRAMEWORK'
  | 'INSPECTION.REPORT_CARD_BEFORE_FRAMEWORK'
  | 'INSPECTION.ALREADY_RECORDED'
  | 'INSPECTION.NO_SIXTH_FORM';

/** An inspection as a trust records it (who and when are added by `recordInspection`). */
export type InspectionInput = Omit<GradeInspection, 'recordedBy' | 'recordedAt'> | Omit<ReportCardInspection, 'recordedBy' | 'recordedAt'>;

/**
 * Adds an inspection to an academy's history. The legacy `ofstedGrade` / `ofstedDate` stay the latest
 * single-word grade (the CSV import and older records use them), so a newer grade moves them too.
 * Refused: a date after today; a single-word grade from 10 November 2025 on, or a report card before
 * it (the renewed framework began then); a second inspection on a day already recorded; a sixth-form
 * grade for a primary school.
 */
export function recordInspection<A extends InspectionFacts & { phase: string; name: string }>(
  academy: A,
  input: InspectionInput,
  by: { personId: string; at: string; today: LocalDate },
): Outcome<{ academy: A; inspection: Inspection }, InspectionCode> {
  if (input.date > by.today)
    return refuse(
      'INSPECTION.IN_THE_FUTURE',
      `The inspection date ${inWords(input.date)} is after today; record an inspection once it has happened.`,
    );
  if (input.kind === 'grade' && input.date >= RENEWED_FRAMEWORK_FROM) {
    return refuse(
      'INSPECTION.GRADE_UNDER_RENEWED_FRAMEWORK',
      `Ofsted has given report cards, not single-word grades, since ${inWords(RENEWED_FRAMEWORK_FROM)}: record the report card for ${inWords(input.date)} instead.`,
    );
  }
  if (input.kind === 'report-card' && input.date < RENEWED_FRAMEWORK_FROM) {
    return refuse(
      'INSPECTION.REPORT_CARD_BEFORE_FRAMEWORK',
      `Report cards began with Ofsted's renewed framework on ${inWords(RENEWED_FRAMEWORK_FROM)}; an inspection on ${inWords(input.date)} had a single-word grade.`,
    );
  }
  if (input.kind === 'report-card' && input.areas['sixth-form'] && academy.phase === 'primary') {
    return refuse('INSPECTION.NO_SIXTH_FORM', `${academy.name} is a primary school, so its report card has no sixth-form grade.`);
  }
  // An undated legacy grade stays in the legacy fields only (it sorts first in the history anyway).
  const history = inspectionHistory(academy).filter((i) => i.date !== UNDATED);
  if (history.some((i) => i.date === input.date)) {
    return refuse('INSPECTION.ALREADY_RECORDED', `An inspection on ${inWords(input.date)} is already in ${academy.name}'s history.`);
  }
  const inspection: Inspection = { ...input, recordedBy: by.personId, recordedAt: by.at };
  const inspections = [...history, inspection].sort((x, y) => x.date.localeCompare(y.date));
  const latestGradeHeld = inspections.filter((i): i is GradeInspection => i.kind === 'grade').at(-1);
  const legacy = latestGradeHeld ? { ofstedGrade: latestGradeHeld.grade, ofstedDate: latestGradeHeld.date } : {};
  return { ok: true, academy: { ...academy, ...legacy, inspections }, inspection };
}
