import { z } from 'zod';
import { ofstedGradeSchema } from '../grades';
import { reportCardRuleSchema } from '../inspections';
import { roleSchema } from '../people';
import { phaseSchema, riskBandSchema } from '../academy';
import { slotsEveryWeeks } from './every-weeks';
import { MAX_MEETINGS_A_YEAR, reportRequirementSchema, tooManyMeetings } from './trust-meetings.schema';

/*
 * A model's academy meetings: the conditions that pick which academies a rule applies to, the
 * cadence rules that say how often and when, and each kind of meeting with its papers, attendees
 * and approvers. The whole model (stages, KPIs, interventions, the ladder) is in
 * improvement-model.schema.ts, which re-exports these.
 */

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
