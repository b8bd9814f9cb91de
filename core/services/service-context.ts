import { ForbiddenError, NotFoundError } from '../domain/errors';
import { londonDateOf } from '../domain/london-time';
import type { LocalDate } from '../domain/local-date';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { Person } from '../domain/people';
import { canAccessAcademy, type Access } from '../domain/permissions';
import { academicYearOf, SchoolCalendar } from '../domain/school-year/school-calendar';
import type { TrustSettings } from '../domain/trust-settings';
import type { Calendar } from '../ports/calendar.port';
import type { Clock } from '../ports/clock.port';
import type { RecordStore, Stored } from '../ports/record-store.port';

/** The little of a logger the services use (pino fits). */
export interface ServiceLogger {
  warn(details: object, message: string): void;
}

/** What every use case needs from the world; hosts build this once at start-up. */
export interface ServiceDeps {
  store: RecordStore;
  clock: Clock;
  /** When given, planned meetings follow into it as they are moved, planned or cancelled. */
  calendar?: Calendar;
  logger?: ServiceLogger;
}

export interface TrustContext {
  settings: Stored<TrustSettings>;
  model: ImprovementModel;
  calendar: SchoolCalendar;
  today: LocalDate;
  academicYear: string;
}

/** The trust's settings, model and calendar, and today's date in England. */
export async function loadTrust(deps: ServiceDeps): Promise<TrustContext> {
  const settings = await deps.store.trust.get();
  if (!settings) throw new NotFoundError('trust', 'settings');
  const today = londonDateOf(deps.clock.now());
  return {
    settings,
    model: settings.model,
    calendar: new SchoolCalendar({ termDates: settings.termDates, closures: settings.closures }),
    today,
    academicYear: academicYearOf(today),
  };
}

/** Throws a polite `ForbiddenError` when the person may not see (or change) the academy. */
export function requireAcademyAccess(viewer: Person, academyId: string, access: Access, academyName?: string): void {
  if (!canAccessAcademy(viewer, academyId, access)) {
    const what = academyName ?? 'that academy';
    throw new ForbiddenError(
      access === 'read'
        ? `Sorry, you can only see information for your own academy, so I can't show you ${what}.`
        : `Sorry, you can't change records for ${what}.`,
    );
  }
}
