import { z } from 'zod';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { fieldProblem, parseLabelled } from '../domain/field-labels';
import { gradeSchema } from '../domain/grades';
import { localDateSchema } from '../domain/local-date';
import { londonDateOf, londonToUtc } from '../domain/london-time';
import type { Meeting } from '../domain/meeting';
import type { MonitoringForm } from '../domain/monitoring-form';
import { checkMonitoringForm, checkSubmission } from '../domain/monitoring-forms';
import { canChangeVisit, canRecordVisit, canSeeVisit, isSubmitted } from '../domain/monitoring-visit-access';
import { refuse, type Outcome } from '../domain/outcome';
import { ROLE_LABELS, type Person } from '../domain/people';
import { roleAtAcademy } from '../domain/permissions';
import { type Stored } from '../ports/record-store.port';
import { monitoringVisitView, type MonitoringVisitView } from './mappers/monitoring-visit.mapper';
import { meetingFor } from './meeting-writes';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';

/*
 * QA and monitoring visits (issue 16, part 2): KGA's monitoring / evidence form, DSAT's monitoring
 * the day before an AIM, Schoolsworks' learning walks, WILOs, lesson observations and work
 * scrutiny. The observer saves the form as a draft while walking round the school and submits it
 * later; a submitted visit is the academy's record and may be cited as evidence for a meeting's
 * judgements. Who records and reads them: core/domain/monitoring-visit-access.ts.
 */

const text = (missing: string) => z.string({ error: (i) => (i.input === undefined ? missing : 'expected text') });
const time = (title: string) =>
  text(`give the ${title.toLowerCase()}`)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'give a time as HH:MM')
    .meta({ title });
const optionalText = (max: number, title: string) =>
  z
    .string()
    .trim()
    .max(max, `keep it under ${max.toLocaleString('en-GB')} characters`)
    .optional()
    .meta({ title });
/** Lines of feedback as typed: blank lines are dropped. */
const points = (title: string) =>
  z
    .array(z.string().trim().max(2000, 'keep each point under 2,000 characters'))
    .max(30, 'at most 30 points')
    .default([])
    .transform((xs) => xs.filter((x) => x !== ''))
    .meta({ title });

export const monitoringVisitBodySchema = z.object({
  /** Absent: a new visit. Present (with its version): the observer's draft, changed. */
  visitId: z.string().min(1).optional().meta({ title: 'Visit' }),
  version: z.string().min(1).optional().meta({ title: 'Version' }),
  clientKey: z.string().min(8).max(200).optional().meta({ title: 'Client key' }),
  academyId: text('choose the academy').min(1, 'choose the academy').meta({ title: 'Academy' }),
  meetingId: z.string().min(1).optional().meta({ title: 'Meeting' }),
  activity: text('choose the activity').trim().min(1, 'choose the activity').meta({ title: 'Activity' }),
  date: localDateSchema.meta({ title: 'Date' }),
  startTime: time('Start time'),
  endTime: time('End time'),
  observerRole: optionalText(200, 'Observer’s role'),
  focus: z.string().trim().max(1000, 'keep the focus under 1,000 characters').default('').meta({ title: 'Focus' }),
  yearClass: optionalText(100, 'Year / class'),
  subject: optionalText(200, 'Subject'),
  mixedAbility: z.boolean().optional().meta({ title: 'Mixed ability' }),
  numberInClass: z.number().int().min(0).max(500).optional().meta({ title: 'Number in class' }),
  notes: z.string().max(20000, 'keep the notes under 20,000 characters').default('').meta({ title: 'Notes' }),
  whatWentWell: points('What went well'),
  evenBetterIf: points('Even better if'),
  areaOfExcellence: optionalText(2000, 'Area of excellence'),
  judgements: z.record(z.string(), gradeSchema).default({}).meta({ title: 'Judgements' }),
});

export const submitVisitBodySchema = z.object({
  version: text('send the version you read').min(1, 'send the version you read').meta({ title: 'Version' }),
});

export type VisitCode = 'MONITORING_VISIT.INCOMPLETE' | 'MONITORING_VISIT.ALREADY_SUBMITTED';

type Body = z.infer<typeof monitoringVisitBodySchema>;
const schema = monitoringVisitBodySchema;
const invalid = (field: string, message: string) => new ValidationError([fieldProblem(schema, field, message)], 'monitoring visit');

/** A visit the viewer may see; anyone else's draft is as if it did not exist. */
async function visibleVisit(deps: ServiceDeps, viewer: Person, id: string): Promise<Stored<MonitoringForm>> {
  const visit = await deps.store.monitoringForms.get(id);
  if (!visit || !canSeeVisit(viewer, visit)) throw new NotFoundError('monitoring visit', id);
  return visit;
}

/** The form's fields from the request: times in England stored as UTC, the observer's role as the meeting lists name it. */
function formFields(input: Body, viewer: Person): Omit<MonitoringForm, 'id' | 'status' | 'observerId'> {
  const startsAt = londonToUtc(input.date, input.startTime);
  const endsAt = londonToUtc(input.date, input.endTime);
  if (endsAt <= startsAt) throw invalid('endTime', 'the end must be after the start');
  const role = roleAtAcademy(viewer, input.academyId);
  return {
    academyId: input.academyId,
    ...(input.meetingId ? { meetingId: input.meetingId } : {}),
    observerRole: input.observerRole || (role ? ROLE_LABELS[role] : 'Observer'),
    startsAt,
    endsAt,
    activity: input.activity,
    focus: input.focus,
    ...(input.yearClass ? { yearClass: input.yearClass } : {}),
    ...(input.subject ? { subject: input.subject } : {}),
    ...(input.mixedAbility !== undefined ? { mixedAbility: input.mixedAbility } : {}),
    ...(input.numberInClass !== undefined ? { numberInClass: input.numberInClass } : {}),
    notes: input.notes,
    whatWentWell: input.whatWentWell,
    evenBetterIf: input.evenBetterIf,
    ...(input.areaOfExcellence ? { areaOfExcellence: input.areaOfExcellence } : {}),
    judgements: input.judgements,
  };
}

/**
 * Saves a visit as a draft: a new one (the same client key twice creates it once), or the
 * observer's own draft changed. Even a draft must use an activity on the trust's form and its
 * judgement areas, so "WILO" is refused at once where the model does not list it.
 */
export async function recordMonitoringVisit(
  deps: ServiceDeps,
  viewer: Person,
  body: unknown,
): Promise<{ ok: true; visit: MonitoringVisitView; created: boolean }> {
  const input = parseLabelled(schema, body, 'monitoring visit');
  const existing = input.visitId ? await visibleVisit(deps, viewer, input.visitId) : undefined;
  if (existing && !canChangeVisit(viewer, existing))
    throw new ForbiddenError(
      isSubmitted(existing)
        ? 'That visit has been submitted, so it stays as it was submitted.'
        : 'Only the observer can change their draft.',
    );
  if (existing && input.academyId !== existing.academyId) throw invalid('academyId', 'a visit stays with the academy it was recorded at');
  if (existing && !input.version) throw invalid('version', 'send the version you read');
  if (!existing && !input.clientKey) throw invalid('clientKey', 'send a key for this visit');
  const academy = await deps.store.academies.get(input.academyId);
  if (!academy) throw invalid('academyId', `no academy "${input.academyId}"`);
  requireAcademyAccess(viewer, academy.id, 'read', academy.name);
  if (!canRecordVisit(viewer, academy.id))
    throw new ForbiddenError(
      `Visits to ${academy.name} are recorded by the trust’s improvement team and the school’s leaders and partners.`,
    );
  if (input.meetingId) {
    const meeting = await deps.store.meetings.get(input.meetingId);
    if (!meeting || meeting.academyId !== academy.id) throw invalid('meetingId', `no such meeting at ${academy.name}`);
  }
  const { model } = await loadTrust(deps);
  const now = deps.clock.now().toISOString();
  const draft: MonitoringForm = {
    id: existing?.id ?? '',
    observerId: existing?.observerId ?? viewer.id,
    ...formFields(input, viewer),
    status: 'draft',
    updatedAt: now,
  };
  const checked = checkMonitoringForm(draft, model);
  if (!checked.ok) throw new ValidationError(checked.problems, 'monitoring visit');
  if (existing) {
    const saved = await deps.store.monitoringForms.update({ ...checked.form, id: existing.id, version: input.version! });
    return { ok: true, visit: monitoringVisitView(viewer, saved, model), created: false };
  }
  const { id: _id, ...fresh } = checked.form;
  const { record, created } = await deps.store.monitoringForms.create(fresh, {
    idempotencyKey: `monitoring-visit:${viewer.id}:${input.clientKey!}`,
  });
  return { ok: true, visit: monitoringVisitView(viewer, record, model), created };
}

/** The observer submits their draft once the form is complete (the model's checks, then focus and feedback). */
export async function submitMonitoringVisit(
  deps: ServiceDeps,
  viewer: Person,
  visitId: string,
  body: unknown,
): Promise<Outcome<{ visit: MonitoringVisitView }, VisitCode>> {
  const { version } = parseLabelled(submitVisitBodySchema, body, 'submission');
  const visit = await visibleVisit(deps, viewer, visitId);
  if (isSubmitted(visit)) return refuse('MONITORING_VISIT.ALREADY_SUBMITTED', 'That visit has already been submitted.');
  if (!canChangeVisit(viewer, visit)) throw new ForbiddenError('Only the observer can submit their visit.');
  const { model } = await loadTrust(deps);
  const checked = checkSubmission(visit, model);
  if (!checked.ok) return refuse('MONITORING_VISIT.INCOMPLETE', checked.message);
  const now = deps.clock.now().toISOString();
  const saved = await deps.store.monitoringForms.update({
    ...visit,
    ...checked.form,
    status: 'submitted',
    submittedAt: now,
    updatedAt: now,
    version,
  });
  return { ok: true, visit: monitoringVisitView(viewer, saved, model) };
}

const newestFirst = (a: MonitoringForm, b: MonitoringForm) => b.startsAt.localeCompare(a.startsAt) || a.id.localeCompare(b.id);

async function academyVisits(deps: ServiceDeps, viewer: Person, academyId: string): Promise<Stored<MonitoringForm>[]> {
  const all = await deps.store.monitoringForms.list({ academyId }).toArray();
  return all.filter((v) => canSeeVisit(viewer, v)).sort(newestFirst);
}

/** An academy's visits, newest first: the submitted ones and the viewer's own drafts. */
export async function listAcademyVisits(deps: ServiceDeps, viewer: Person, academyId: string): Promise<{ visits: MonitoringVisitView[] }> {
  requireAcademyAccess(viewer, academyId, 'read');
  const [{ model }, visits] = await Promise.all([loadTrust(deps), academyVisits(deps, viewer, academyId)]);
  return { visits: visits.map((v) => monitoringVisitView(viewer, v, model)) };
}

/**
 * The submitted visits a meeting may cite as evidence: its academy's, up to the meeting's day (DSAT:
 * "evidence gathered prior to the visit and during the monitoring aspects of the visit"), those
 * linked to the meeting first; plus the viewer's own drafts linked to it, to finish.
 */
export async function listMeetingVisits(
  deps: ServiceDeps,
  viewer: Person,
  meetingId: string,
): Promise<{ meetingId: string; academyId: string; visits: MonitoringVisitView[] }> {
  const meeting = await meetingFor(deps, viewer, meetingId, 'read');
  const [{ model }, visits] = await Promise.all([loadTrust(deps), academyVisits(deps, viewer, meeting.academyId)]);
  const offered = visits.filter((v) =>
    isSubmitted(v) ? londonDateOf(v.startsAt) <= meeting.date && (!v.meetingId || v.meetingId === meeting.id) : v.meetingId === meeting.id,
  );
  const linked = (v: MonitoringForm) => (v.meetingId === meeting.id ? 0 : 1);
  return {
    meetingId: meeting.id,
    academyId: meeting.academyId,
    visits: offered.sort((a, b) => linked(a) - linked(b) || newestFirst(a, b)).map((v) => monitoringVisitView(viewer, v, model)),
  };
}

/** One visit, for its form page. */
export async function getMonitoringVisit(deps: ServiceDeps, viewer: Person, visitId: string): Promise<{ visit: MonitoringVisitView }> {
  const [visit, { model }] = await Promise.all([visibleVisit(deps, viewer, visitId), loadTrust(deps)]);
  return { visit: monitoringVisitView(viewer, visit, model) };
}

/**
 * The visits a judgement cites must be submitted visits of the meeting's academy that the person
 * recording it can see; anything else is refused by the field's label.
 */
export async function checkCitedVisits(
  deps: ServiceDeps,
  viewer: Person,
  meeting: Pick<Meeting, 'academyId'>,
  ids: readonly string[],
  requestSchema: z.ZodType,
): Promise<void> {
  const found = await deps.store.monitoringForms.getMany([...new Set(ids)]);
  const ok = new Set(found.filter((v) => v.academyId === meeting.academyId && isSubmitted(v) && canSeeVisit(viewer, v)).map((v) => v.id));
  const bad = ids.filter((id) => !ok.has(id));
  if (bad.length)
    throw new ValidationError(
      [fieldProblem(requestSchema, 'evidenceVisitIds', `cite only submitted visits to this academy (not ${bad.join(', ')})`)],
      'judgement',
    );
}
