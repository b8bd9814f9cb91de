import { z } from 'zod';

const utc = z.iso.datetime({ offset: false });

/** A KPI target agreed for the year (Waterton: at the September ASER; KGA: the 80th percentile of similar schools). */
export const kpiTargetSchema = z.object({
  id: z.string().min(1),
  academyId: z.string().min(1),
  academicYear: z.string(),
  measure: z.string().trim().min(1).max(300),
  unit: z.enum(['percent', 'score', 'count']).default('percent'),
  /** Whether higher values are better (attainment) or lower (persistent absence). */
  higherIsBetter: z.boolean().default(true),
  target: z.number(),
  agreedInMeetingId: z.string().optional(),
  /** Who agreed the current target, and when (absent on targets set before this was kept). */
  agreedBy: z.string().optional(),
  agreedAt: utc.optional(),
  /** Earlier targets for the year, oldest first: a revised target never hides what was agreed before. */
  history: z
    .array(
      z.object({
        target: z.number(),
        agreedInMeetingId: z.string().optional(),
        agreedBy: z.string().optional(),
        agreedAt: utc.optional(),
        replacedAt: utc,
      }),
    )
    .optional(),
});
export type KpiTarget = z.infer<typeof kpiTargetSchema>;

/** A value at one of the year's data points, with the drop flag it raised and how the review dealt with it. */
export const kpiDataPointSchema = z.object({
  id: z.string().min(1),
  kpiId: z.string().min(1),
  academyId: z.string().min(1),
  academicYear: z.string(),
  point: z.number().int().min(1).max(12),
  value: z.number(),
  recordedAt: utc,
  recordedBy: z.string().optional(),
  /** Set when the value fell below the target: it must be investigated at the next review meeting. */
  drop: z
    .object({
      flaggedAt: utc,
      reviewedInMeetingId: z.string().optional(),
      reviewNote: z.string().max(5000).optional(),
      reviewedBy: z.string().optional(),
      reviewedAt: utc.optional(),
      /** The actions the review raised. */
      actionIds: z.array(z.string()).optional(),
    })
    .optional(),
});
export type KpiDataPoint = z.infer<typeof kpiDataPointSchema>;
