import { z } from 'zod';
import { roleSchema } from '../people';

/*
 * The trust's own governance meetings, which belong to the trust and not to one academy (issue 17,
 * part 2): Waterton's CEO–SSIO weekly meeting, Schoolsworks' monthly Chairman's Challenge, DSAT's
 * termly moderation. Each has a cadence over the school year, a chair and attendees named by role
 * (a role the app knows, or one of the trust's own titles), papers due before it and reports due
 * after it (DSAT seed 001: "A brief report will be supplied soon after the meeting").
 */

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. "finance-director"');

/**
 * Most meetings one rule may give in a year: weekly through the 39 weeks of a school year. Enough
 * for a fortnightly raising standards board (18 or 19) or a weekly CEO–SSIO meeting.
 */
export const MAX_MEETINGS_A_YEAR = 39;
export const tooManyMeetings = `at most ${MAX_MEETINGS_A_YEAR} meetings a year (weekly through the 39 weeks of a school year)`;

/**
 * A role the trust names itself (DSAT's budget agreement names a Finance Director; Waterton's
 * trustees sit on its SI committee). Its holders are people holding `role` (which carries their
 * permissions), narrowed to those whose job title is one of `jobTitles` when given.
 */
export const trustRoleSchema = z
  .object({
    id,
    label: z.string().min(1).max(100),
    description: z.string().max(500).optional(),
    role: roleSchema,
    jobTitles: z.array(z.string().trim().min(1).max(200)).default([]),
  })
  .strict();
export type TrustRole = z.infer<typeof trustRoleSchema>;

/** Who takes part: a role the app knows ("ceo", "head") or the id of one of the trust's own roles ("finance-director"). */
export const participantSchema = z.string().min(1).max(60);

export const weekdaySchema = z
  .number()
  .int()
  .min(1, 'a weekday is 1 (Monday) to 5 (Friday)')
  .max(5, 'a weekday is 1 (Monday) to 5 (Friday)');

/**
 * How often a trust meeting happens, over the school weeks of the year (holidays do not count):
 * every N weeks (weekly, fortnightly, every six weeks), monthly, each half term, each term, or at
 * named slots (twice a year: autumn 2 and summer 1).
 */
export const trustCadenceSchema = z.discriminatedUnion('every', [
  z.object({ every: z.literal('weeks'), weeks: z.number().int().min(1).max(13), weekday: weekdaySchema.optional() }).strict(),
  z.object({ every: z.literal('month'), weekday: weekdaySchema.optional() }).strict(),
  z.object({ every: z.literal('half-term'), timing: z.enum(['early', 'middle', 'late', 'any']).default('late') }).strict(),
  z.object({ every: z.literal('term'), timing: z.enum(['early', 'middle', 'late', 'any']).default('late') }).strict(),
  z
    .object({
      every: z.literal('slots'),
      slots: z
        .array(
          z
            .object({ halfTerm: z.number().int().min(1).max(6), timing: z.enum(['early', 'middle', 'late', 'any']).default('any') })
            .strict(),
        )
        .min(1)
        .max(MAX_MEETINGS_A_YEAR, tooManyMeetings),
    })
    .strict(),
]);
export type TrustCadence = z.infer<typeof trustCadenceSchema>;

export const trustPaperSchema = z
  .object({
    id,
    title: z.string().min(1).max(200),
    owner: participantSchema,
    /** Calendar days before the meeting it is due (moved back to a working day). */
    leadDays: z.number().int().min(0).max(60),
  })
  .strict();

/** A report due after a meeting: its owner is chased from the due date until it is in. */
export const reportRequirementSchema = z
  .object({
    id,
    title: z.string().min(1).max(200),
    description: z.string().max(1000).optional(),
    /** For an academy meeting a role; for a trust meeting a role or one of the trust's own roles. */
    owner: participantSchema,
    /** School working days after the meeting it is due (DSAT: "soon after the meeting"). */
    dueWorkingDaysAfter: z.number().int().min(0).max(30),
  })
  .strict();
export type ReportRequirement = z.infer<typeof reportRequirementSchema>;

export const trustMeetingKindSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    abbreviation: z.string().min(1).max(20),
    description: z.string().max(2000).optional(),
    /** Where the trust's documents say it, e.g. "Waterton seed 000: the SSIO and CEO meet weekly". */
    source: z.string().max(500).optional(),
    /** Said to users as the reason for the meeting, e.g. "Weekly: concerns reported informally, quickly". */
    label: z.string().min(1).max(300),
    cadence: trustCadenceSchema,
    durationMinutes: z
      .number()
      .int()
      .min(15)
      .max(8 * 60)
      .default(60),
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM')
      .default('16:00'),
    chair: participantSchema,
    attendees: z.array(participantSchema).default([]),
    papers: z.array(trustPaperSchema).default([]),
    reports: z.array(reportRequirementSchema).default([]),
  })
  .strict();
export type TrustMeetingKind = z.infer<typeof trustMeetingKindSchema>;

type Issue = { path: (string | number)[]; message: string };

/** Every participant named must be a role the app knows or one of the trust's roles; ids are unique. */
export function trustMeetingIssues(m: {
  trustRoles: readonly TrustRole[];
  trustMeetings: readonly TrustMeetingKind[];
  meetingKindIds: readonly string[];
}): Issue[] {
  const issues: Issue[] = [];
  const base = new Set<string>(roleSchema.options);
  const own = new Set(m.trustRoles.map((r) => r.id));
  m.trustRoles.forEach((r, i) => {
    if (base.has(r.id))
      issues.push({
        path: ['trustRoles', i, 'id'],
        message: `"${r.id}" is already a role the app knows; give the trust's role its own id`,
      });
    if (m.trustRoles.findIndex((x) => x.id === r.id) !== i)
      issues.push({ path: ['trustRoles', i, 'id'], message: `trust role "${r.id}" appears twice` });
  });
  const known = `known: ${[...base, ...own].join(', ')}`;
  const check = (who: string, path: (string | number)[]) => {
    if (!base.has(who) && !own.has(who)) issues.push({ path, message: `no role "${who}"; ${known}` });
  };
  m.trustMeetings.forEach((k, i) => {
    if (m.trustMeetings.findIndex((x) => x.id === k.id) !== i)
      issues.push({ path: ['trustMeetings', i, 'id'], message: `trust meeting "${k.id}" appears twice` });
    if (m.meetingKindIds.includes(k.id))
      issues.push({
        path: ['trustMeetings', i, 'id'],
        message: `"${k.id}" is already an academy meeting kind; give the trust meeting its own id`,
      });
    check(k.chair, ['trustMeetings', i, 'chair']);
    k.attendees.forEach((a, j) => check(a, ['trustMeetings', i, 'attendees', j]));
    k.papers.forEach((p, j) => check(p.owner, ['trustMeetings', i, 'papers', j, 'owner']));
    k.reports.forEach((r, j) => check(r.owner, ['trustMeetings', i, 'reports', j, 'owner']));
  });
  return issues;
}
