import { z } from 'zod';
import { gradeSchema, ofstedGradeSchema } from '../grades';
import { DEFAULT_BELOW_GOOD, reportCardRuleSchema } from '../inspections';
import { roleSchema } from '../people';
import { phaseSchema, riskBandSchema } from '../academy';
import {
  MAX_MEETINGS_A_YEAR,
  reportRequirementSchema,
  tooManyMeetings,
  trustMeetingIssues,
  trustMeetingKindSchema,
  trustRoleSchema,
} from './trust-meetings.schema';
import { slotsEveryWeeks } from './every-weeks';

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. "aim" or "closer-support"');

/** All given facets must hold. An empty condition always holds. */
export const conditionSchema = z
  .object({
    /** The latest inspection had one of these single-word grades (never holds once a report card is the latest). */
    ofstedGrades: z.array(ofstedGradeSchema).min(1).optional(),
    /** Below Good by inspection or by self-evaluation; on a report card, as the model's `reportCards.belowGood` reads it. */
    belowGood: z.boolean().optional(),
    /** The latest inspection is a report card that this reading holds for (e.g. any area at urgent improvement). */
    reportCard: reportCardRuleSchema.optional(),
    stages: z.array(id).min(1).optional(),
    sponsored: z.boolean().optional(),
    inOfstedWindow: z.boolean().optional(),
    /** The academy has asked for this (see `Academy.requests`). */
    requested: id.optional(),
    /** The academy has not asked for this. */
    notRequested: id.optional(),
    /** The academy is of one of these phases (primary, secondary …). */
    phases: z.array(phaseSchema).min(1).optional(),
    /** The trust has put the academy in one of these risk bands (Waterton's September risk banding). */
    riskBands: z.array(riskBandSchema).min(1).optional(),
    /** The academy stands on one of these steps of the escalation ladder (a raising standards board at "formal action plan"). */
    escalationSteps: z.array(id).min(1).optional(),
  })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

/** Holds when any of its conditions holds; absent means "every academy". */
export const whenSchema = z.object({ anyOf: z.array(conditionSchema).min(1) }).strict();
export type When = z.infer<typeof whenSchema>;

export const timingSchema = z.enum(['early', 'middle', 'late', 'any']);
export type Timing = z.infer<typeof timingSchema>;

/** Where in the year one meeting goes: a half term (1 = autumn 1 … 6 = summer 2) and where in it. */
export const slotSchema = z
  .object({
    halfTerm: z.number().int().min(1).max(6),
    timing: timingSchema.default('any'),
    /** Why this one is special, e.g. "Sets the risk band and agrees the year's KPI targets". */
    purpose: z.string().max(300).optional(),
    /** Consecutive school days this occurrence takes, when not the meeting kind's default (KGA: a 2-day QA review). */
    days: z.number().int().min(1).max(3).optional(),
  })
  .strict();
export type Slot = z.infer<typeof slotSchema>;

export const cadenceRuleSchema = z
  .object({
    id,
    meetingKind: id,
    /** Said to users as the reason for the count, e.g. "at least 6 a year: sponsored, Ofsted window or closer support". */
    label: z.string().min(1).max(300),
    when: whenSchema.optional(),
    /** Rules this one replaces when both apply (KGA: the 2-day QA model replaces one day a term). */
    replaces: z.array(id).default([]),
    /** Fortnightly is 2, every six weeks 6: slots are laid out through each half term (weeks 1, 3, 5 … of it). Give this or `slots`. */
    everyWeeks: z.number().int().min(1).max(13).optional(),
    slots: z.array(slotSchema).min(1).max(MAX_MEETINGS_A_YEAR, tooManyMeetings).optional(),
    /**
     * One meeting placed relative to a date of the academy's own instead of slots: a readiness review
     * some weeks before the window in which its next inspection is expected opens (derived from its
     * last inspection under the renewed framework; see `inspectionWindow`). Held only in the year that date falls in.
     */
    relativeTo: z
      .object({ date: z.literal('inspection-window-opens'), weeksBefore: z.number().int().min(0).max(52) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.slots === undefined && r.everyWeeks === undefined && r.relativeTo === undefined)
      ctx.addIssue({ code: 'custom', path: ['slots'], message: 'give the slots, or how many weeks apart the meetings are (everyWeeks)' });
  })
  .transform((r) => ({ ...r, slots: r.slots ?? (r.relativeTo ? [] : slotsEveryWeeks(r.everyWeeks ?? 1)) }));
export type CadenceRule = z.infer<typeof cadenceRuleSchema>;

export const paperRequirementSchema = z
  .object({
    id,
    title: z.string().min(1).max(200),
    description: z.string().max(1000).optional(),
    ownerRole: roleSchema,
    /** Calendar days before the meeting it is due (moved back to a working day). */
    leadDays: z.number().int().min(0).max(60),
    /** Chase the chair once the paper is this many working days late. */
    escalateAfterWorkingDays: z.number().int().min(0).max(20).default(1),
  })
  .strict();
export type PaperRequirement = z.infer<typeof paperRequirementSchema>;

export const attendeeRuleSchema = z
  .object({ role: roleSchema, presence: z.enum(['expected', 'where-appropriate']).default('expected') })
  .strict();

export const meetingKindSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    abbreviation: z.string().min(1).max(20),
    description: z.string().max(2000).optional(),
    durationMinutes: z
      .number()
      .int()
      .min(15)
      .max(8 * 60),
    /** Consecutive school days the meeting takes (KGA's 2-day QA review). */
    days: z.number().int().min(1).max(3).default(1),
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM')
      .default('09:30'),
    chairRole: roleSchema,
    attendees: z.array(attendeeRuleSchema).default([]),
    papers: z.array(paperRequirementSchema).default([]),
    /** Reports due after the meeting, owned by a role (DSAT seed 001: "A brief report will be supplied soon after the meeting"). */
    reports: z.array(reportRequirementSchema).default([]),
    /** Roles who check the notes before they circulate (DSAT: head and chair of LGB). */
    notesApprovers: z.array(roleSchema).default([]),
    agenda: z.array(z.string().min(1).max(300)).default([]),
    learningWalk: z
      .object({ minMinutes: z.number().int().min(0), maxMinutes: z.number().int().min(0), ledBy: roleSchema })
      .strict()
      .refine((w) => w.maxMinutes >= w.minMinutes, { message: 'maxMinutes must be at least minMinutes', path: ['maxMinutes'] })
      .optional(),
    /** DSAT: a monitoring visit usually takes place the day before the AIM, so the chair is busy then too. */
    monitoringVisitDayBefore: z.boolean().default(false),
    /** Record a judgement and indicative grade per inspection area. */
    recordsJudgements: z.boolean().default(false),
    /** Rotate a focus so all inspection areas are covered over time. */
    rotatesFocus: z.boolean().default(false),
    /** Counts against the academy's core support-day allowance (DSAT: the 3 AIMs are in the 6 AID days). */
    supportDays: z.number().min(0).max(5).default(0),
    /** Carries the previous meetings' open actions onto its agenda. */
    carriesForwardActions: z.boolean().default(true),
    /** Reviews KPI drops flagged since the last review. */
    reviewsKpiDrops: z.boolean().default(false),
  })
  .strict();
export type MeetingKind = z.infer<typeof meetingKindSchema>;

export const stageSchema = z
  .object({
    id,
    label: z.string().min(1).max(100),
    description: z.string().max(1000).optional(),
    /** Suggested for an academy when this holds; the trust confirms each September. First match wins. */
    suggestWhen: whenSchema.optional(),
  })
  .strict();
export type Stage = z.infer<typeof stageSchema>;

export const kpiDataPointSchema = z
  .object({ number: z.number().int().min(1).max(12), label: z.string().min(1), halfTerm: z.number().int().min(1).max(6) })
  .strict();

export const ragLevelSchema = z.enum(['green', 'amber', 'red']);
export type RagLevel = z.infer<typeof ragLevelSchema>;
const threshold = z
  .object({ amber: z.number().min(0), red: z.number().min(0) })
  .strict()
  .refine((t) => t.red >= t.amber, { message: 'red must be at or above amber', path: ['red'] });

export const interventionKindSchema = z
  .object({
    id,
    label: z.string().min(1),
    description: z.string().max(1000).optional(),
    /**
     * Who gives the support, when this kind names one (Schoolsworks: school-to-school support is
     * brokered from "another of the trust's schools"): an academy, or a person such as an adviser.
     */
    supportedBy: z.enum(['academy', 'person']).optional(),
  })
  .strict();
export type InterventionKind = z.infer<typeof interventionKindSchema>;

/** One rung of the escalation ladder (Waterton: own capacity → trust support → formal action plan → change of status). */
export const escalationStepSchema = z
  .object({
    id,
    label: z.string().min(1),
    description: z.string().max(1000).optional(),
    /**
     * Who may move an academy onto this step from the one below, or back down from it (Waterton:
     * the SSIO draws up the formal action plan; the trust board signals the change of status).
     */
    movedBy: z.array(roleSchema).min(1).default(['ceo', 'improvement-director']),
    /** On this step the academy is managed as a sponsored academy (Waterton: the board's "change in status"); its cadence follows. */
    managedAsSponsored: z.boolean().default(false),
    /** On this step the academy is put in this support stage (and returned to its old one when it comes down). */
    supportStage: id.optional(),
  })
  .strict();
export type EscalationStep = z.infer<typeof escalationStepSchema>;

export const improvementModelSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    description: z.string().max(4000).optional(),
    /** Where the rules come from, e.g. the trust's own document. */
    source: z.string().max(500).optional(),
    /** The trust's own titles, e.g. improvement-director → "Academy Improvement Director (AID)". */
    roleTitles: z.partialRecord(roleSchema, z.string().min(1).max(100)).default({}),
    stages: z.array(stageSchema).min(1),
    meetingKinds: z.array(meetingKindSchema).min(1),
    cadence: z.array(cadenceRuleSchema).min(1),
    /** The trust's own role titles beyond the app's roles (a Finance Director, trustees), for its own meetings. */
    trustRoles: z.array(trustRoleSchema).default([]),
    /**
     * When an academy's next inspection is expected, in months after its last report card: the trust
     * sets it from the tables in Ofsted's school inspection handbook for each kind of school.
     */
    inspectionWindow: z
      .object({ opensAfterMonths: z.number().int().min(1).max(120), closesAfterMonths: z.number().int().min(1).max(120) })
      .strict()
      .refine((w) => w.closesAfterMonths >= w.opensAfterMonths, {
        message: 'the window cannot close before it opens',
        path: ['closesAfterMonths'],
      })
      .default({ opensAfterMonths: 36, closesAfterMonths: 48 }),
    /** The trust's words for its risk bands (Waterton's September risk banding), read in reasons and on screens. */
    riskBands: z
      .array(
        z.object({ id: riskBandSchema, label: z.string().trim().min(1).max(60), description: z.string().max(300).optional() }).strict(),
      )
      .min(1)
      .max(3)
      .default([
        { id: 'low', label: 'Low risk' },
        { id: 'medium', label: 'Medium risk' },
        { id: 'high', label: 'High risk' },
      ]),
    /** Meetings that belong to the trust, not one academy (Waterton's CEO–SSIO weekly meeting, Schoolsworks' heads' forum). */
    trustMeetings: z.array(trustMeetingKindSchema).default([]),
    inspectionAreas: z.array(z.object({ id, label: z.string().min(1), description: z.string().max(500).optional() }).strict()).min(1),
    /** Areas the trust judged under before (DSAT's old inspection headings), so judgements on past meetings still read by name. */
    formerInspectionAreas: z.array(z.object({ id, label: z.string().min(1) }).strict()).default([]),
    /** The scale of a meeting's indicative judgements: Ofsted's report-card grades, or the old four grades. */
    judgementScale: z.enum(['report-card', 'ofsted-grades']).default('ofsted-grades'),
    /** How the trust's rules read a report card: what counts as "below Good" on one (the seeds were written for the old grades). */
    reportCards: z
      .object({ belowGood: reportCardRuleSchema, note: z.string().max(1000).optional() })
      .strict()
      .default({ belowGood: DEFAULT_BELOW_GOOD }),
    /** Where academies set their own view area by area, and whether the trust also evaluates itself. */
    selfEvaluation: z
      .object({
        /** The meeting kinds at which an academy's self-evaluation is set (Waterton: the ASER). */
        setAt: z.array(id).default([]),
        /** The trust evaluates itself against the DfE's trust quality descriptions. */
        trustQualityDescriptions: z.boolean().default(false),
        note: z.string().max(1000).optional(),
      })
      .strict()
      .default({ setAt: [], trustQualityDescriptions: false }),
    kpis: z
      .object({
        dataPoints: z.array(kpiDataPointSchema).min(1),
        /** The meeting kind that agrees the year's KPI targets (Waterton: the September ASER). */
        targetsAgreedAt: id.optional(),
        /** Trust benchmark text, e.g. KGA's 80th percentile of similar schools. */
        benchmark: z.string().max(300).optional(),
      })
      .strict(),
    supportDays: z
      .object({
        /** Core days each academy is entitled to each year (DSAT: 6 AID days, including the 3 AIMs). */
        coreAllowance: z.number().min(0).max(50),
        /** Development days beyond the allowance are recharged at this rate, in pence (DSAT: £350). */
        developmentDayRatePence: z.number().int().min(0),
        /** Optional days chosen from a menu (KGA: 3 days). */
        optionalAllowance: z.number().min(0).max(50).default(0),
        optionalMenu: z.array(z.string().min(1).max(300)).default([]),
        /** Academies below Good must budget for support (DSAT). */
        belowGoodMustBudget: z.boolean().default(false),
      })
      .strict(),
    escalation: z.object({ steps: z.array(escalationStepSchema).min(2) }).strict(),
    interventionKinds: z.array(interventionKindSchema).min(1),
    monitoringForm: z
      .object({
        activities: z.array(z.string().min(1)).min(1),
        judgementAreas: z.array(z.object({ id, label: z.string().min(1) }).strict()).min(1),
        feedbackHeadings: z.object({ strengths: z.string(), development: z.string(), excellence: z.string() }).strict(),
      })
      .strict(),
    rag: z
      .object({
        ofstedGrade: z.partialRecord(ofstedGradeSchema, ragLevelSchema).default({ inadequate: 'red', 'requires-improvement': 'amber' }),
        selfEvaluatedGrade: z.partialRecord(gradeSchema, ragLevelSchema).default({ inadequate: 'red', 'requires-improvement': 'amber' }),
        overdueActions: threshold.default({ amber: 1, red: 3 }),
        kpiDropsAwaitingReview: threshold.default({ amber: 1, red: 3 }),
        overduePapers: threshold.default({ amber: 1, red: 3 }),
        /** Escalation step number (1 = first rung) at which the academy turns amber / red. */
        escalationStep: threshold.default({ amber: 2, red: 3 }),
        /** Support spend as a percentage of the improvement budget. */
        supportSpendPercent: threshold.default({ amber: 90, red: 110 }),
        /** Intervention reviews whose agreed date has passed without a review (Schoolsworks: interventions are "reviewed regularly"). */
        missedInterventionReviews: threshold.default({ amber: 1, red: 3 }),
      })
      .strict()
      .default({
        ofstedGrade: { inadequate: 'red', 'requires-improvement': 'amber' },
        selfEvaluatedGrade: { inadequate: 'red', 'requires-improvement': 'amber' },
        overdueActions: { amber: 1, red: 3 },
        kpiDropsAwaitingReview: { amber: 1, red: 3 },
        overduePapers: { amber: 1, red: 3 },
        escalationStep: { amber: 2, red: 3 },
        supportSpendPercent: { amber: 90, red: 110 },
        missedInterventionReviews: { amber: 1, red: 3 },
      }),
  })
  .strict()
  .superRefine((m, ctx) => {
    const unique = (values: string[], path: (string | number)[], what: string) => {
      const seen = new Set<string>();
      values.forEach((v, i) => {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `${what} "${v}" appears twice` });
        seen.add(v);
      });
    };
    unique(
      m.meetingKinds.map((k) => k.id),
      ['meetingKinds'],
      'meeting kind',
    );
    unique(
      m.stages.map((s) => s.id),
      ['stages'],
      'stage',
    );
    unique(
      m.cadence.map((r) => r.id),
      ['cadence'],
      'cadence rule',
    );
    unique(
      m.inspectionAreas.map((a) => a.id),
      ['inspectionAreas'],
      'inspection area',
    );
    unique(
      m.interventionKinds.map((k) => k.id),
      ['interventionKinds'],
      'intervention kind',
    );
    unique(
      m.escalation.steps.map((s) => s.id),
      ['escalation', 'steps'],
      'escalation step',
    );
    m.kpis.dataPoints.forEach((p, i) => {
      if (m.kpis.dataPoints.findIndex((q) => q.number === p.number) !== i)
        ctx.addIssue({ code: 'custom', path: ['kpis', 'dataPoints', i, 'number'], message: `data point ${p.number} appears twice` });
    });
    const kinds = new Set(m.meetingKinds.map((k) => k.id));
    const stages = new Set(m.stages.map((s) => s.id));
    /** A condition may only name stages the model has: a typo would silently never match. */
    const checkStages = (when: When | undefined, path: (string | number)[]) =>
      when?.anyOf.forEach((c, j) =>
        c.stages?.forEach((s, k) => {
          if (!stages.has(s))
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'anyOf', j, 'stages', k],
              message: `no stage "${s}"; known: ${[...stages].join(', ')}`,
            });
        }),
      );
    m.stages.forEach((s, i) => checkStages(s.suggestWhen, ['stages', i, 'suggestWhen']));
    m.cadence.forEach((r, i) => {
      if (!kinds.has(r.meetingKind))
        ctx.addIssue({
          code: 'custom',
          path: ['cadence', i, 'meetingKind'],
          message: `no meeting kind "${r.meetingKind}"; known: ${[...kinds].join(', ')}`,
        });
      r.replaces.forEach((x, j) => {
        if (x === r.id)
          ctx.addIssue({ code: 'custom', path: ['cadence', i, 'replaces', j], message: 'a cadence rule cannot replace itself' });
        else if (!m.cadence.some((o) => o.id === x))
          ctx.addIssue({ code: 'custom', path: ['cadence', i, 'replaces', j], message: `no cadence rule "${x}"` });
      });
      checkStages(r.when, ['cadence', i, 'when']);
    });
    m.meetingKinds.forEach((k, i) =>
      unique(
        k.papers.map((p) => p.id),
        ['meetingKinds', i, 'papers'],
        'paper',
      ),
    );
    m.escalation.steps.forEach((step, i) => {
      if (step.supportStage && !stages.has(step.supportStage))
        ctx.addIssue({
          code: 'custom',
          path: ['escalation', 'steps', i, 'supportStage'],
          message: `no stage "${step.supportStage}"; known: ${[...stages].join(', ')}`,
        });
    });
    m.selfEvaluation.setAt.forEach((k, i) => {
      if (!kinds.has(k))
        ctx.addIssue({
          code: 'custom',
          path: ['selfEvaluation', 'setAt', i],
          message: `no meeting kind "${k}"; known: ${[...kinds].join(', ')}`,
        });
    });
    unique(
      m.riskBands.map((b) => b.id),
      ['riskBands'],
      'risk band',
    );
    for (const issue of trustMeetingIssues({ trustRoles: m.trustRoles, trustMeetings: m.trustMeetings, meetingKindIds: [...kinds] }))
      ctx.addIssue({ code: 'custom', ...issue });
    m.meetingKinds.forEach((k, i) =>
      k.reports.forEach((r, j) => {
        if (!(roleSchema.options as readonly string[]).includes(r.owner))
          ctx.addIssue({
            code: 'custom',
            path: ['meetingKinds', i, 'reports', j, 'owner'],
            message: `no role "${r.owner}"; known: ${roleSchema.options.join(', ')}`,
          });
      }),
    );
    m.cadence.forEach((r, i) =>
      r.when?.anyOf.forEach((c, j) =>
        c.escalationSteps?.forEach((s, k) => {
          if (!m.escalation.steps.some((x) => x.id === s))
            ctx.addIssue({
              code: 'custom',
              path: ['cadence', i, 'when', 'anyOf', j, 'escalationSteps', k],
              message: `no escalation step "${s}"; known: ${m.escalation.steps.map((x) => x.id).join(', ')}`,
            });
        }),
      ),
    );
    if (m.kpis.targetsAgreedAt && !kinds.has(m.kpis.targetsAgreedAt)) {
      ctx.addIssue({ code: 'custom', path: ['kpis', 'targetsAgreedAt'], message: `no meeting kind "${m.kpis.targetsAgreedAt}"` });
    }
  });

/** A trust's improvement model: which meetings, how often, who chairs, which papers, who approves … */
export type ImprovementModel = z.infer<typeof improvementModelSchema>;
/** A model as written by a trust (defaults not yet applied). */
export type ImprovementModelInput = z.input<typeof improvementModelSchema>;
