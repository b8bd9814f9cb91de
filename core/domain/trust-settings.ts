import { z } from 'zod';
import { DEFAULT_PAPER_LIMIT_MB, PAPER_LIMIT_CEILING_MB } from './paper-limits';
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
  /** The largest paper a person may upload through the app, in MB (the API host takes at most 100 MB in one request); `paperLimitMbOf` gives the default when unset. */
  paperLimitMb: z
    .number()
    .int('a whole number of MB')
    .min(1, 'at least 1 MB')
    .max(PAPER_LIMIT_CEILING_MB, `at most ${PAPER_LIMIT_CEILING_MB} MB, the most the app's host takes in one request`)
    .meta({ title: 'Largest paper (MB)' })
    .optional(),
});
export type TrustSettings = z.infer<typeof trustSettingsSchema>;

/** The trust's paper limit in MB, or the default when its administrator has set none. */
export const paperLimitMbOf = (settings: Pick<TrustSettings, 'paperLimitMb'>): number => settings.paperLimitMb ?? DEFAULT_PAPER_LIMIT_MB;
