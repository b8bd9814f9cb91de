import { z } from 'zod';
import { localDateSchema } from './local-date';
import { improvementModelSchema } from './models/improvement-model.schema';
import { academicYearDatesSchema } from './school-year/school-calendar';

/** The trust: its name, its improvement model, and its own term dates and closures where they differ. */
export const trustSettingsSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  model: improvementModelSchema,
  termDates: z.array(academicYearDatesSchema).default([]),
  /** INSET days and other closures: no meetings. */
  closures: z.array(localDateSchema).default([]),
});
export type TrustSettings = z.infer<typeof trustSettingsSchema>;
