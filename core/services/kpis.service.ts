import { z } from 'zod';
import { defaultDueDate } from '../domain/action-changes';
import { actionOwnerProblem } from '../domain/action-owner';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { fieldProblem, parseLabelled } from '../domain/field-labels';
import { canRecordKpiData, canReviewKpiDrops, canSetKpiTargets } from '../domain/improvement-permissions';
import type { KpiDataPoint, KpiTarget } from '../domain/kpi';
import {
  agreeTarget,
  checkTargetsMeeting,
  correctDataPoint,
  dataPointLabel,
  dropsAwaitingReview,
  isBelowTarget,
  nextReviewFor,
  recordDataPoint,
  reviewDrop,
  type DataPointCode,
  type ReviewDropCode,
  type TargetsMeetingCode,
} from '../domain/kpi-drops';
import { normalise } from '../domain/kpi-import';
import { localDateSchema } from '../domain/local-date';
import { londonDateOf } from '../domain/london-time';
import type { Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { Outcome } from '../domain/outcome';
import type { Person } from '../domain/people';
import { visibleAcademyIds } from '../domain/permissions';
import { type AcademyStatusInputs, type Stored } from '../ports/record-store.port';
import { loadTrust, requireAcademyAccess, type ServiceDeps, type TrustContext } from './service-context';

const required = (missing: string) => ({ error: (i: { input: unknown }) => (i.input === undefined ? missing : undefined) });
const version = z.string().min(1, 'send the version you read').meta({ title: 'Version' });

/** A KPI target as the tab shows it, with its data points under the model's names ("Autumn data"). */
function targetView(t: Stored<KpiTarget>, points: readonly Stored<KpiDataPoint>[], meetings: readonly Meeting[], model: ImprovementModel) {
  const mine = points.filter((p) => p.kpiId === t.id);
  return {
    id: t.id,
    version: t.version,
    measure: t.measure,
    unit: t.unit,
    higherIsBetter: t.higherIsBetter,
    target: t.target,
    ...(t.agreedInMeetingId ? { agreedInMeetingId: t.agreedInMeetingId } : {}),
    ...(t.agreedBy ? { agreedBy: t.agreedBy } : {}),
    ...(t.agreedAt ? { agreedAt: t.agreedAt } : {}),
    history: (t.history ?? []).map((h) => ({
      target: h.target,
      ...(h.agreedInMeetingId ? { agreedInMeetingId: h.agreedInMeetingId } : {}),
      ...(h.agreedBy ? { agreedBy: h.agreedBy } : {}),
      ...(h.agreedAt ? { agreedAt: h.agreedAt } : {}),
      replacedAt: h.replacedAt,
    })),
    points: model.kpis.dataPoints.map((d) => {
      const p = mine.find((x) => x.point === d.number);
      const review = p?.drop && !p.drop.reviewedInMeetingId ? nextReviewFor(p, meetings, model) : undefined;
      return {
        number: d.number,
        label: d.label,
        ...(p
          ? {
              id: p.id,
              version: p.version,
              value: p.value,
              recordedAt: p.recordedAt,
              belowTarget: isBelowTarget(t, p.value),
              ...(p.drop
                ? {
                    drop: {
                      flaggedAt: p.drop.flaggedAt,
                      reviewed: p.drop.reviewedInMeetingId !== undefined,
                      ...(p.drop.reviewedInMeetingId ? { reviewedInMeetingId: p.drop.reviewedInMeetingId } : {}),
                      ...(p.drop.reviewNote ? { reviewNote: p.drop.reviewNote } : {}),
                      ...(review ? { toBeReviewedAt: { meetingId: review.id, date: review.date, kind: review.kind } } : {}),
                    },
                  }
                : {}),
            }
          : {}),
      };
    }),
  };
}

/** An academy's KPIs for its page: each target with its data points and drops, where targets are agreed, and what the viewer may do. */
export function academyKpisView(viewer: Person, inputs: AcademyStatusInputs, trust: TrustContext) {
  const { model } = trust;
  const id = inputs.academy.id;
  const own = <T extends { academyId: string }>(xs: readonly T[]) => xs.filter((x) => x.academyId === id);
  const meetings = own(inputs.meetings);
  const kindId = model.kpis.targetsAgreedAt;
  const kind = kindId ? model.meetingKinds.find((k) => k.id === kindId) : undefined;
  const targetMeetings = kind
    ? meetings.filter((m) => m.kind === kind.id && m.status !== 'cancelled').sort((a, b) => a.date.localeCompare(b.date))
    : [];
  return {
    dataPoints: model.kpis.dataPoints.map((d) => ({ number: d.number, label: d.label, halfTerm: d.halfTerm })),
    ...(model.kpis.benchmark ? { benchmark: model.kpis.benchmark } : {}),
    targetsAgreedAt: kind
      ? {
          kind: kind.id,
          name: kind.name,
          meetings: targetMeetings.map((m) => ({ id: m.id, date: m.date, status: m.status, chairId: m.chairId })),
        }
      : undefined,
    targets: own(inputs.kpiTargets)
      .sort((a, b) => a.measure.localeCompare(b.measure, 'en-GB'))
      .map((t) => targetView(t, own(inputs.kpiDataPoints), meetings, model)),
    can: {
      recordData: canRecordKpiData(viewer, id),
      setTargets: kind ? targetMeetings.some((m) => canSetKpiTargets(viewer, id, m)) : canSetKpiTargets(viewer, id),
    },
  };
}

/** One academy's status inputs for the trust's current year. */
export async function statusInputsFor(deps: ServiceDeps, academyId: string, trust: TrustContext): Promise<AcademyStatusInputs> {
  const inputs = await deps.store.statusInputs(academyId, trust.academicYear);
  if (!inputs) throw new NotFoundError('academy', academyId);
  return inputs;
}

export const kpiTargetsBodySchema = z.object({
  meetingId: z.string().min(1).optional().meta({
    title: 'Meeting',
    description: 'The meeting that agreed the targets: one of the kind the model names (Waterton: the September ASER).',
  }),
  targets: z
    .array(
      z.object({
        kpiId: z
          .string()
          .min(1)
          .optional()
          .meta({ title: 'KPI', description: 'An existing KPI whose target is revised; absent for a new KPI.' }),
        measure: z
          .string(required('name the measure'))
          .trim()
          .min(1, 'name the measure')
          .max(300, 'keep the name under 300 characters')
          .meta({ title: 'Measure' }),
        unit: z.enum(['percent', 'score', 'count']).default('percent').meta({ title: 'Unit' }),
        higherIsBetter: z.boolean().default(true).meta({ title: 'Higher is better' }),
        target: z.number(required('give the target as a number')).meta({ title: 'Target' }),
        version: version.optional(),
      }),
    )
    .min(1, 'set at least one target')
    .max(30)
    .meta({ title: 'KPI' }),
});

/**
 * Records the KPI targets agreed at the meeting the model names (Waterton: at the September ASER,
 * "the agreement of the Key Performance Indicator Targets for the year"), by that meeting's chair or
 * the trust team. A revised target keeps the one it replaces in its history.
 */
export async function setKpiTargets(
  deps: ServiceDeps,
  viewer: Person,
  academyId: string,
  body: unknown,
): Promise<Outcome<{ targets: ReturnType<typeof targetView>[] }, TargetsMeetingCode>> {
  const input = parseLabelled(kpiTargetsBodySchema, body, 'KPI targets');
  requireAcademyAccess(viewer, academyId, 'read');
  const trust = await loadTrust(deps);
  const meeting = input.meetingId ? await deps.store.meetings.get(input.meetingId) : undefined;
  if (input.meetingId && !meeting)
    throw new ValidationError([fieldProblem(kpiTargetsBodySchema, 'meetingId', 'no such meeting')], 'KPI targets');
  if (!canSetKpiTargets(viewer, academyId, meeting))
    throw new ForbiddenError('KPI targets are recorded by the chair of the meeting that agreed them, or by the trust’s improvement team.');
  const where = checkTargetsMeeting(meeting, academyId, trust.model);
  if (!where.ok) return where;
  const inputs = await statusInputsFor(deps, academyId, trust);
  const existing = inputs.kpiTargets.filter((t) => t.academyId === academyId);
  const problems = input.targets.flatMap((t, i) => {
    if (t.kpiId) {
      const was = existing.find((x) => x.id === t.kpiId);
      if (!was) return [fieldProblem(kpiTargetsBodySchema, `targets.${i}.kpiId`, 'no such KPI at this academy this year')];
      if (!t.version) return [fieldProblem(kpiTargetsBodySchema, `targets.${i}.version`, 'send the version you read')];
      return [];
    }
    return existing.some((x) => normalise(x.measure) === normalise(t.measure))
      ? [fieldProblem(kpiTargetsBodySchema, `targets.${i}.measure`, 'there is already a KPI with this name: revise its target instead')]
      : [];
  });
  if (problems.length) throw new ValidationError(problems, 'KPI targets');
  // Every version is checked before anything is written, so a stale form saves none of its targets.
  const stale = input.targets.find((t) => t.kpiId && existing.find((x) => x.id === t.kpiId)!.version !== t.version);
  if (stale) throw new ConflictError('KPI target', stale.kpiId ?? '', { described: `the ${stale.measure} target` });
  const now = deps.clock.now().toISOString();
  const saved: Stored<KpiTarget>[] = [];
  for (const t of input.targets) {
    const was = t.kpiId ? existing.find((x) => x.id === t.kpiId) : undefined;
    const agreed = agreeTarget(was, {
      id: was?.id ?? '',
      academyId,
      academicYear: trust.academicYear,
      measure: t.measure,
      unit: t.unit,
      higherIsBetter: t.higherIsBetter,
      target: t.target,
      ...(meeting ? { agreedInMeetingId: meeting.id } : {}),
      by: viewer.id,
      now,
    });
    if (was) saved.push(agreed === was ? was : await deps.store.kpiTargets.update({ ...agreed, version: t.version! }));
    else {
      const { id: _none, ...fresh } = agreed;
      saved.push(
        (
          await deps.store.kpiTargets.create(fresh, {
            idempotencyKey: `kpi-target:${academyId}:${trust.academicYear}:${normalise(t.measure)}`,
          })
        ).record,
      );
    }
  }
  const points = inputs.kpiDataPoints.filter((p) => p.academyId === academyId);
  return { ok: true, targets: saved.map((t) => targetView(t, points, inputs.meetings, trust.model)) };
}

export const kpiDataPointBodySchema = z.object({
  kpiId: z.string(required('choose the KPI')).min(1, 'choose the KPI').meta({ title: 'KPI' }),
  point: z.number(required('choose the data point')).int('choose one of the year’s data points').meta({ title: 'Data point' }),
  value: z.number(required('enter the value as a number')).meta({ title: 'Value' }),
  /** Replacing a value already recorded: the version read. */
  version: version.optional(),
});

/** The id-free key of one KPI's value at one data point: recording it twice (a retry, an import run again) creates it once. */
export const dataPointKey = (kpiId: string, point: number): string => `kpi-point:${kpiId}:${point}`;

/** Records (or corrects) one value and flags it when it is below target; the single place a value is written, for the form and the import. */
export async function writeDataPoint(
  deps: ServiceDeps,
  viewer: Person,
  target: KpiTarget,
  existing: Stored<KpiDataPoint> | undefined,
  input: { point: number; value: number; version?: string },
  model: ImprovementModel,
): Promise<Outcome<{ dataPoint: Stored<KpiDataPoint>; created: boolean; changed: boolean }, DataPointCode>> {
  const now = deps.clock.now().toISOString();
  if (existing) {
    const r = correctDataPoint(existing, target, { value: input.value, now }, model);
    if (!r.ok) return r;
    if (!r.changed) return { ok: true, dataPoint: existing, created: false, changed: false };
    return {
      ok: true,
      dataPoint: await deps.store.kpiDataPoints.update({
        ...r.dataPoint,
        recordedBy: viewer.id,
        version: input.version ?? existing.version,
      }),
      created: false,
      changed: true,
    };
  }
  const r = recordDataPoint(target, { point: input.point, value: input.value, now, id: '' }, model);
  if (!r.ok) return r;
  const { id: _none, ...fresh } = r.dataPoint;
  const { record, created } = await deps.store.kpiDataPoints.create(
    { ...fresh, recordedBy: viewer.id },
    { idempotencyKey: dataPointKey(target.id, input.point) },
  );
  if (created || record.value === input.value) return { ok: true, dataPoint: record, created, changed: created };
  // Someone recorded this data point between our read and our write: theirs stands, this one conflicts.
  throw new ConflictError('KPI data point', record.id, { described: `the value for ${target.measure} at data point ${input.point}` });
}

/**
 * One academy's value at one of the year's data points, entered by its head or the trust team; a
 * value below target is flagged for the next meeting that reviews KPIs. A value already recorded
 * is replaced only with the version read.
 */
export async function recordKpiDataPoint(deps: ServiceDeps, viewer: Person, academyId: string, body: unknown) {
  const input = parseLabelled(kpiDataPointBodySchema, body, 'data point');
  requireAcademyAccess(viewer, academyId, 'read');
  if (!canRecordKpiData(viewer, academyId))
    throw new ForbiddenError('KPI data points are entered by the academy’s head or the trust’s improvement team.');
  const trust = await loadTrust(deps);
  const target = await deps.store.kpiTargets.get(input.kpiId);
  if (!target || target.academyId !== academyId)
    throw new ValidationError([fieldProblem(kpiDataPointBodySchema, 'kpiId', 'no such KPI at this academy')], 'data point');
  const existing = (await deps.store.kpiDataPoints.list({ academyId }).toArray()).find(
    (p) => p.kpiId === target.id && p.point === input.point,
  );
  if (existing && !input.version && existing.value !== input.value) {
    throw new ValidationError(
      [
        fieldProblem(
          kpiDataPointBodySchema,
          'version',
          `${dataPointLabel(trust.model, input.point)} is already recorded (${existing.value}); send the version you read to replace it`,
        ),
      ],
      'data point',
    );
  }
  const r = await writeDataPoint(
    deps,
    viewer,
    target,
    existing,
    { point: input.point, value: input.value, ...(input.version ? { version: input.version } : {}) },
    trust.model,
  );
  if (!r.ok) return r;
  return { ok: true as const, created: r.created, dataPoint: dataPointView(r.dataPoint, target, trust.model) };
}

/** A data point as it leaves the services. */
export const dataPointView = (
  p: Stored<KpiDataPoint>,
  target: Pick<KpiTarget, 'measure' | 'unit' | 'target' | 'higherIsBetter'>,
  model: ImprovementModel,
) => ({
  id: p.id,
  version: p.version,
  kpiId: p.kpiId,
  academyId: p.academyId,
  measure: target.measure,
  unit: target.unit,
  target: target.target,
  higherIsBetter: target.higherIsBetter,
  point: p.point,
  pointLabel: dataPointLabel(model, p.point),
  value: p.value,
  recordedAt: p.recordedAt,
  ...(p.drop
    ? {
        drop: {
          flaggedAt: p.drop.flaggedAt,
          ...(p.drop.reviewedInMeetingId ? { reviewedInMeetingId: p.drop.reviewedInMeetingId } : {}),
          ...(p.drop.reviewNote ? { reviewNote: p.drop.reviewNote } : {}),
          ...(p.drop.reviewedBy ? { reviewedBy: p.drop.reviewedBy } : {}),
          ...(p.drop.reviewedAt ? { reviewedAt: p.drop.reviewedAt } : {}),
          ...(p.drop.actionIds ? { actionIds: [...p.drop.actionIds] } : {}),
        },
      }
    : {}),
});

async function meetingWithInputs(deps: ServiceDeps, viewer: Person, meetingId: string) {
  const meeting = await deps.store.meetings.get(meetingId);
  if (!meeting) throw new NotFoundError('meeting', meetingId);
  requireAcademyAccess(viewer, meeting.academyId, 'read');
  const trust = await loadTrust(deps);
  const inputs = await deps.store.statusInputs(meeting.academyId, meeting.academicYear);
  if (!inputs) throw new NotFoundError('academy', meeting.academyId);
  const kind = trust.model.meetingKinds.find((k) => k.id === meeting.kind);
  return { meeting, trust, inputs, kind };
}

/**
 * The KPI drops on a meeting's agenda: those awaiting review for which this is the next meeting
 * that reviews KPIs (or, once it is under way, any flagged by its day), and those it reviewed.
 */
export async function meetingKpiDrops(deps: ServiceDeps, viewer: Person, meetingId: string) {
  const { meeting, trust, inputs, kind } = await meetingWithInputs(deps, viewer, meetingId);
  const targets = new Map(inputs.kpiTargets.map((t) => [t.id, t]));
  const points = inputs.kpiDataPoints.filter((p) => p.academyId === meeting.academyId && targets.has(p.kpiId));
  const reviews = kind?.reviewsKpiDrops === true && meeting.status !== 'cancelled';
  const underWay = meeting.date <= trust.today;
  const toReview = reviews
    ? (dropsAwaitingReview(points) as Stored<KpiDataPoint>[]).filter(
        (p) =>
          nextReviewFor(p, inputs.meetings, trust.model)?.id === meeting.id ||
          (underWay && londonDateOf(p.drop!.flaggedAt) <= meeting.date),
      )
    : [];
  const reviewed = points.filter((p) => p.drop?.reviewedInMeetingId === meeting.id);
  const view = (p: Stored<KpiDataPoint>) => dataPointView(p, targets.get(p.kpiId)!, trust.model);
  const next = defaultDueDate(inputs.meetings, meeting.academyId, meeting.date, trust.today, trust.calendar);
  return {
    meetingId: meeting.id,
    reviewsKpiDrops: kind?.reviewsKpiDrops === true,
    canReview: reviews && canReviewKpiDrops(viewer, meeting),
    defaultDueDate: next.dueDate,
    toReview: toReview.map(view),
    reviewed: reviewed.map(view),
  };
}

export const kpiReviewBodySchema = z.object({
  dataPointId: z.string(required('choose the drop')).min(1, 'choose the drop').meta({ title: 'KPI drop' }),
  found: z
    .string(required('say what the review found'))
    .trim()
    .min(1, 'say what the review found')
    .max(5000, 'keep it under 5,000 characters')
    .meta({ title: 'What the review found' }),
  actions: z
    .array(
      z.object({
        text: z.string(required('say what the action is')).trim().min(1, 'say what the action is').max(2000).meta({ title: 'What' }),
        ownerId: z.string(required('choose who owns the action')).min(1, 'choose who owns the action').meta({ title: 'Owner' }),
        dueDate: localDateSchema.optional().meta({ title: 'Due date' }),
      }),
    )
    .max(10)
    .default([])
    .meta({ title: 'Action' }),
  /** The caller's key: the same review sent twice raises its actions once. */
  clientKey: z.string(required('send a key for this review')).min(8).max(200).meta({ title: 'Client key' }),
  version,
});

/**
 * A drop reviewed in the meeting (Waterton: "any drop from KPIs at these points will be investigated
 * during the ASER"): what the review found, and the actions it raised, which are carried forward
 * like any other. The chair or the trust team records it, from the meeting page or the side panel.
 */
export async function reviewKpiDrop(
  deps: ServiceDeps,
  viewer: Person,
  meetingId: string,
  body: unknown,
): Promise<Outcome<{ dataPoint: ReturnType<typeof dataPointView>; actions: { id: string; ownerId: string }[] }, ReviewDropCode>> {
  const input = parseLabelled(kpiReviewBodySchema, body, 'KPI review');
  const { meeting, trust, inputs, kind } = await meetingWithInputs(deps, viewer, meetingId);
  if (!canReviewKpiDrops(viewer, meeting))
    throw new ForbiddenError('KPI drops are reviewed by the chair of the meeting or the trust’s improvement team.');
  if (!kind) throw new NotFoundError('meeting kind', meeting.kind);
  const point = inputs.kpiDataPoints.find((p) => p.id === input.dataPointId);
  const target = point ? inputs.kpiTargets.find((t) => t.id === point.kpiId) : undefined;
  if (!point || !target)
    throw new ValidationError(
      [fieldProblem(kpiReviewBodySchema, 'dataPointId', 'no such KPI data point at this academy this year')],
      'KPI review',
    );
  // Every owner must be able to see the academy, checked before anything is written.
  const academy = inputs.academy;
  const owners = await deps.store.people.getMany([...new Set(input.actions.map((a) => a.ownerId))]);
  const problems = input.actions.flatMap((a, i) => {
    const owner = owners.find((o) => o.id === a.ownerId);
    if (!owner) return [fieldProblem(kpiReviewBodySchema, `actions.${i}.ownerId`, `no person "${a.ownerId}"`)];
    const outsider = actionOwnerProblem(owner, academy);
    if (outsider) return [fieldProblem(kpiReviewBodySchema, `actions.${i}.ownerId`, outsider.message)];
    if (a.dueDate && a.dueDate < trust.today)
      return [fieldProblem(kpiReviewBodySchema, `actions.${i}.dueDate`, 'the due date has already passed')];
    return [];
  });
  if (problems.length) throw new ValidationError(problems, 'KPI review');
  const now = deps.clock.now().toISOString();
  const first = reviewDrop(point, meeting, { found: input.found, by: viewer.id, now, actionIds: [] }, kind);
  if (!first.ok) return first;
  // The review is written first, with the version read: a stale one stops here with nothing else written.
  let saved = await deps.store.kpiDataPoints.update({ ...first.dataPoint, version: input.version });
  const due = defaultDueDate(inputs.meetings, meeting.academyId, meeting.date, trust.today, trust.calendar).dueDate;
  const actions: { id: string; ownerId: string }[] = [];
  for (const [i, a] of input.actions.entries()) {
    const { record } = await deps.store.actions.create(
      {
        academyId: meeting.academyId,
        raisedInMeetingId: meeting.id,
        text: a.text,
        ownerId: a.ownerId,
        raisedBy: viewer.id,
        dueDate: a.dueDate ?? due,
        status: 'open',
        createdAt: now,
        progress: [],
      },
      { idempotencyKey: `kpi-review:${viewer.id}:${input.clientKey}:${i}` },
    );
    actions.push({ id: record.id, ownerId: record.ownerId });
  }
  if (actions.length)
    saved = await deps.store.kpiDataPoints.update({ ...saved, drop: { ...saved.drop!, actionIds: actions.map((a) => a.id) } });
  return { ok: true, dataPoint: dataPointView(saved, target, trust.model), actions };
}

/**
 * The dashboard's chart: each school against its own target, per measure and data point, for the
 * academies the viewer may see (not a trust-wide average, which hides the school below target).
 */
export async function trustKpiSchools(deps: ServiceDeps, viewer: Person) {
  const trust = await loadTrust(deps);
  const academies = await deps.store.academies.list({}).toArray();
  const ids = visibleAcademyIds(
    viewer,
    academies.map((a) => a.id),
  );
  const inputs = await deps.store.statusInputsForMany(ids, trust.academicYear);
  const byMeasure = new Map<
    string,
    {
      measure: string;
      unit: KpiTarget['unit'];
      higherIsBetter: boolean;
      schools: { academyId: string; name: string; target: number; values: { point: number; value: number; belowTarget: boolean }[] }[];
    }
  >();
  for (const i of inputs) {
    for (const t of i.kpiTargets.filter((x) => x.academyId === i.academy.id)) {
      const key = `${normalise(t.measure)}|${t.unit}`;
      const m = byMeasure.get(key) ?? { measure: t.measure, unit: t.unit, higherIsBetter: t.higherIsBetter, schools: [] };
      byMeasure.set(key, m);
      const values = i.kpiDataPoints
        .filter((p) => p.kpiId === t.id)
        .sort((a, b) => a.point - b.point)
        .map((p) => ({ point: p.point, value: p.value, belowTarget: isBelowTarget(t, p.value) }));
      m.schools.push({ academyId: i.academy.id, name: i.academy.name, target: t.target, values });
    }
  }
  return {
    academicYear: trust.academicYear,
    dataPoints: trust.model.kpis.dataPoints.map((d) => ({ number: d.number, label: d.label })),
    measures: [...byMeasure.values()]
      .sort((a, b) => a.measure.localeCompare(b.measure, 'en-GB'))
      .map((m) => {
        const latest = Math.max(0, ...m.schools.flatMap((s) => s.values.map((v) => v.point)));
        return { ...m, latestPoint: latest || undefined, schools: m.schools.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) };
      }),
  };
}
