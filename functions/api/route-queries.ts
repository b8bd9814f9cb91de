import { z } from 'zod';
import { improvementModelSchema } from '../../core/domain/models/improvement-model.schema';
import { modelSaveBodySchema } from '../../core/services/trust-model.service';

/** Query strings and bodies the route table describes beside the use cases' own schemas. */
export const cursorQuery = z.object({
  cursor: z.string().optional().meta({ title: 'Cursor', description: 'From the previous page’s `nextCursor`.' }),
});
export const yearQuery = z.object({
  year: z.string().optional().meta({ title: 'Academic year', description: 'e.g. 2026/27; the current year when absent.' }),
});
export const deliveryQuery = z.object({
  status: z
    .string()
    .optional()
    .meta({ title: 'Status', description: 'poisoned, failed, no-conversation or sent; several comma-separated.' }),
});
export const modelBody = modelSaveBodySchema.extend({ model: improvementModelSchema });

/** Every JSON route the tab and bot use. Handlers translate between HTTP and the session; rules live in core. */
