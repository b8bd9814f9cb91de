import { z } from 'zod';
import type { Academy } from '../domain/academy';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { fieldProblem, parseLabelled } from '../domain/field-labels';
import { localDateSchema } from '../domain/local-date';
import type { Outcome } from '../domain/outcome';
import type { Person } from '../domain/people';
import { canAccessAcademy } from '../domain/permissions';
import { academicYearOf } from '../domain/school-year/school-calendar';
import {
  bookSupportDay as bookDay,
  checkCancelSupportDay,
  type BookSupportDayCode,
  type CancelSupportDayCode,
} from '../domain/support-day-booking';
import { supportDayUsage, type SupportDayUsage } from '../domain/support-day-usage';
import { canBookSupportDay, canSetImprovementBudget } from '../domain/support-permissions';
import type { SupportDay } from '../domain/support-days';
import type { Stored } from '../ports/record-store.port';
import { loadTrust, requireAcademyAccess, type ServiceDeps, type TrustContext } from './service-context';

/** A required text field's message when it is missing or not text. */
const text = (missing: string) => z.string({ error: (i) => (i.input === undefined ? missing : 'expected text') });
/** The version the person read: a stale one is a conflict (409), never a silent overwrite. */
const version = text('send the version you read').min(1, 'send the version you read').meta({ title: 'Version' });

export const bookSupportDayBodySchema = z.object({
  kind: z.enum(['core', 'development', 'optional'], { error: 'choose a core, development or optional day' }).meta({
    title: 'Kind of day',
    description: 'core: from the allowance; development: recharged at the day rate; optional: from the menu',
  }),
  date: localDateSchema.meta({ title: 'Date' }),
  days: z
    .number({ error: 'say how many days, e.g. 1 or 0.5' })
    .min(0.5, 'book at least half a day')
    .max(20, 'book at most 20 days at once')
    .refine((n) => Number.isInteger(n * 2), 'book whole or half days')
    .meta({ title: 'Days' }),
  providerId: text('choose who gives the support').min(1, 'choose who gives the support').meta({ title: 'Given by' }),
  /** A development day given by a head or their staff: their academy receives the recharge. Absent: the provider's own academy when they are a head. */
  supportingAcademyId: z.string().min(1).optional().meta({ title: 'Supporting academy' }),
  description: z.string().trim().max(1000, 'keep it under 1,000 characters').default('').meta({ title: 'What for' }),
  menuItem: z.string().trim().min(1).max(300).optional().meta({ title: 'From the menu' }),
  meetingId: z.string().min(1).optional().meta({ title: 'Meeting' }),
  /** The caller's key: the same booking sent twice (a retry, a double click) is booked once. */
  clientKey: text('send a key for this booking').min(8).max(200).meta({ title: 'Client key' }),
});

export const cancelSupportDayBodySchema = z.object({ version });

export const improvementBudgetBodySchema = z.object({
  budgetPence: z
    .number({ error: 'give the budget in pounds, e.g. 1400' })
    .int('give the budget to the penny')
    .min(0, 'the budget cannot be negative')
    .max(100_000_000, 'a budget over £1,000,000 is surely a typing slip')
    .meta({ title: 'Improvement budget' }),
  /** The academy's version, as the support section read it. */
  version,
});

/** A support day as the academy page lists it: only these fields leave. */
export interface SupportDayView {
  id: string;
  version: string;
  date: string;
  kind: SupportDay['kind'];
  days: number;
  providerId: string;
  supportingAcademyId?: string;
  description: string;
  chargePence: number;
  meetingId?: string;
}

export const supportDayView = (d: Stored<SupportDay>): SupportDayView => ({
  id: d.id,
  version: d.version,
  date: d.date,
  kind: d.kind,
  days: d.days,
  providerId: d.providerId,
  ...(d.supportingAcademyId ? { supportingAcademyId: d.supportingAcademyId } : {}),
  description: d.description,
  chargePence: d.chargePence,
  ...(d.meetingId ? { meetingId: d.meetingId } : {}),
});

/** The academy's usage this year, after a change. */
async function usageNow(deps: ServiceDeps, academy: Academy, trust: TrustContext): Promise<SupportDayUsage> {
  const inputs = await deps.store.statusInputs(academy.id, trust.academicYear);
  if (!inputs) throw new NotFoundError('academy', academy.id);
  return supportDayUsage(inputs.academy, inputs.supportDays, inputs.meetings, trust.model);
}

/** A development day given by a head: the income goes to the academy they lead (DSAT), unless the trust team names another. */
const headsAcademy = (provider: Person, supportedId: string): string | undefined => {
  const led = provider.roles.filter((r) => r.role === 'head' && r.academyId && r.academyId !== supportedId).map((r) => r.academyId!);
  return led.length === 1 ? led[0] : undefined;
};

/**
 * Books core, development or optional days for an academy (who may: `support-permissions.ts`):
 * on a school day there this year, within the model's allowances, a development day charged at
 * the model's day rate, and its income going to the supporting academy.
 */
export async function bookSupportDay(
  deps: ServiceDeps,
  viewer: Person,
  academyId: string,
  body: unknown,
): Promise<Outcome<{ supportDay: SupportDayView; usage: SupportDayUsage; created: boolean }, BookSupportDayCode>> {
  requireAcademyAccess(viewer, academyId, 'read');
  const input = parseLabelled(bookSupportDayBodySchema, body, 'support day');
  if (!canBookSupportDay(viewer, academyId, input.kind))
    throw new ForbiddenError(
      input.kind === 'optional'
        ? 'Only the academy’s head or the trust’s improvement team can book its optional days.'
        : 'Only the trust’s improvement team books core and development days; ask your improvement director.',
    );
  const trust = await loadTrust(deps);
  const [academy, provider] = await Promise.all([deps.store.academies.get(academyId), deps.store.people.get(input.providerId)]);
  if (!academy) throw new NotFoundError('academy', academyId);
  const schema = bookSupportDayBodySchema;
  if (!provider) throw new ValidationError([fieldProblem(schema, 'providerId', `no person "${input.providerId}"`)], 'support day');
  const supportingAcademyId = input.kind === 'development' ? (input.supportingAcademyId ?? headsAcademy(provider, academyId)) : undefined;
  if (input.supportingAcademyId && input.kind === 'development' && !(await deps.store.academies.get(input.supportingAcademyId)))
    throw new ValidationError([fieldProblem(schema, 'supportingAcademyId', `no academy "${input.supportingAcademyId}"`)], 'support day');
  if (input.meetingId) {
    const meeting = await deps.store.meetings.get(input.meetingId);
    if (!meeting || meeting.academyId !== academyId)
      throw new ValidationError([fieldProblem(schema, 'meetingId', 'no such meeting at this academy')], 'support day');
  }
  const inputs = await deps.store.statusInputs(academyId, trust.academicYear);
  if (!inputs) throw new NotFoundError('academy', academyId);
  const outcome = bookDay(
    academy,
    {
      kind: input.kind,
      date: input.date,
      days: input.days,
      providerId: provider.id,
      ...(supportingAcademyId ? { supportingAcademyId } : {}),
      description: input.description,
      ...(input.menuItem ? { menuItem: input.menuItem } : {}),
      ...(input.meetingId ? { meetingId: input.meetingId } : {}),
    },
    {
      model: trust.model,
      calendar: trust.calendar,
      today: trust.today,
      meetings: inputs.meetings,
      usage: supportDayUsage(inputs.academy, inputs.supportDays, inputs.meetings, trust.model),
    },
  );
  if (!outcome.ok) return outcome;
  const { record, created } = await deps.store.supportDays.create(outcome.supportDay, {
    idempotencyKey: `support:${viewer.id}:${input.clientKey}`,
  });
  return { ok: true, supportDay: supportDayView(record), usage: await usageNow(deps, academy, trust), created };
}

/** Cancels a booked day before it is given, by whoever may book its kind at the academy; 404 to those who cannot see it. */
export async function cancelSupportDay(
  deps: ServiceDeps,
  viewer: Person,
  supportDayId: string,
  body: unknown,
): Promise<Outcome<{ usage: SupportDayUsage }, CancelSupportDayCode>> {
  const day = await deps.store.supportDays.get(supportDayId);
  if (!day || !canAccessAcademy(viewer, day.academyId, 'read')) throw new NotFoundError('support day', supportDayId);
  const input = parseLabelled(cancelSupportDayBodySchema, body, 'cancellation');
  if (!canBookSupportDay(viewer, day.academyId, day.kind))
    throw new ForbiddenError('Only those who may book this kind of day at the academy can cancel it.');
  const trust = await loadTrust(deps);
  const check = checkCancelSupportDay(day, trust.today);
  if (!check.ok) return check;
  const academy = await deps.store.academies.get(day.academyId);
  if (!academy) throw new NotFoundError('academy', day.academyId);
  await deps.store.supportDays.remove({ id: day.id, version: input.version });
  return { ok: true, usage: await usageNow(deps, academy, trust) };
}

/** Records the academy's improvement budget as agreed for the year (DSAT), by the trust's improvement team. */
export async function setImprovementBudget(
  deps: ServiceDeps,
  viewer: Person,
  academyId: string,
  body: unknown,
): Promise<Outcome<{ usage: SupportDayUsage; version: string }, never>> {
  requireAcademyAccess(viewer, academyId, 'read');
  const input = parseLabelled(improvementBudgetBodySchema, body, 'improvement budget');
  if (!canSetImprovementBudget(viewer))
    throw new ForbiddenError('The improvement budget is agreed with the trust; its improvement team records it.');
  const academy = await deps.store.academies.get(academyId);
  if (!academy) throw new NotFoundError('academy', academyId);
  const trust = await loadTrust(deps);
  const saved = await deps.store.academies.update({ ...academy, improvementBudgetPence: input.budgetPence, version: input.version });
  return { ok: true, usage: await usageNow(deps, saved, trust), version: saved.version };
}

/** Support days of this school year across the trust (the income side needs other academies' days). */
export async function supportDaysOfYear(deps: ServiceDeps, academicYear: string): Promise<Stored<SupportDay>[]> {
  return (await deps.store.supportDays.list({}).toArray()).filter((d) => academicYearOf(d.date) === academicYear);
}
