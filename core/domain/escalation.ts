import { z } from 'zod';

const utc = z.iso.datetime({ offset: false });

/** One move on the escalation ladder (Waterton): who moved the academy, to which step, and why. */
export const escalationEventSchema = z.object({
  id: z.string().min(1),
  academyId: z.string().min(1),
  /** Index into the model's ladder: 0 = the first rung. */
  step: z.number().int().min(0),
  stepId: z.string().min(1),
  at: utc,
  by: z.string().min(1),
  reason: z.string().trim().min(1, 'say why the academy is moving on the ladder').max(5000),
  direction: z.enum(['up', 'down']).optional(),
  /** What the move changed about the academy (the top rung: managed as sponsored), so coming down restores it. */
  changed: z
    .object({
      sponsored: z.object({ from: z.boolean(), to: z.boolean() }).optional(),
      supportStage: z.object({ from: z.string(), to: z.string() }).optional(),
    })
    .optional(),
});
export type EscalationEvent = z.infer<typeof escalationEventSchema>;
