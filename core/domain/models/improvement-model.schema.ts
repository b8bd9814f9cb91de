import { z } from 'zod';
import { gradeSchema, ofstedGradeSchema } from '../grades';
import { DEFAULT_BELOW_GOOD, reportCardRuleSchema } from '../inspections';
import { roleSchema } from '../people';
import { riskBandSchema } from '../academy';
import { trustMeetingIssues, trustMeetingKindSchema, trustRoleSchema } from './trust-meetings.schema';

import { cadenceRuleSchema, meetingKindSchema, whenSchema, type When } from './meeting-kinds.schema';

export * from './meeting-kinds.schema';

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. "aim" or "closer-support"');

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
