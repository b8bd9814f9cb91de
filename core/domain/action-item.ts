import { z } from 'zod';
import { localDateSchema } from './local-date';

const utc = z.iso.datetime({ offset: false });

export const actionStatusSchema = z.enum(['open', 'in-progress', 'done', 'dropped']);
export type ActionStatus = z.infer<typeof actionStatusSchema>;

export const actionItemSchema = z.object({
  id: z.string().min(1),
  academyId: z.string().min(1),
  /** The meeting that raised it; its open actions go onto the next meeting's agenda. */
  raisedInMeetingId: z.string().min(1).optional(),
  text: z.string().trim().min(1, 'say what the action is').max(2000),
  ownerId: z.string().min(1),
  /** Who raised it: they may correct it, and withdraw it within a day (absent on actions raised before this was kept). */
  raisedBy: z.string().min(1).optional(),
  dueDate: localDateSchema,
  status: actionStatusSchema,
  createdAt: utc,
  completedAt: utc.optional(),
  progress: z
    .array(z.object({ at: utc, by: z.string().min(1), note: z.string().trim().min(1).max(2000), status: actionStatusSchema.optional() }))
    .default([]),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

/** An action still to be done: open or in progress (not done, not dropped). Carried forward, counted, reminded. */
export const isActionLive = (action: Pick<ActionItem, 'status'>): boolean => action.status === 'open' || action.status === 'in-progress';
