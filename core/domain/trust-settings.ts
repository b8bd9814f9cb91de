import { z } from 'zod';
import { improvementModelSchema } from './models/improvement-model.schema';
import { storedClosureSchema } from './school-year/closures';
import { academicYearDatesSchema } from './school-year/school-calendar';

/** The trust: its name, its improvement model, and its own term dates and closures where they differ. */
export const trustSettingsSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  model: improvementModelSchema,
  termDates: z.array(academicYearDatesSchema).default([]),
  /**
   * INSET days and other closures: no meetings. Each names its academy, or none for the whole trust;
   * a bare date (as settings held closures before academies had their own) closes the whole trust.
   */
  closures: z.array(storedClosureSchema).default([]),
});
export type TrustSettings = z.infer<typeof trustSettingsSchema>;
