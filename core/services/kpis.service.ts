import { z } from 'zod';

import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { fieldProblem, parseLabelled } from '../domain/field-labels';
import { canRecordKpiData, canSetKpiTargets } from '../domain/improvement-permissions';
import type { KpiDataPoint, KpiTarget } from '../domain/kpi';
import {
  agreeTarget,
  checkTargetsMeeting,
  correctDataPoint,
  dataPointLabel,
  isBelowTarget,
  nextReviewFor,
  recordDataPoint,
  type DataPointCode,
  type TargetsMeetingCode,
} from '../domain/kpi-drops';
import { normalise } from '../domain/kpi-import';

import type { Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { Outcome } from '../domain/outcome';
import type { Person } from '../domain/people';
import { type AcademyStatusInputs, type Stored } from '../ports/record-store.port';
import { loadTrust, requireAcademyAccess, type ServiceDeps, type TrustContext } from './service-context';
import { kpiTargetFields } from './mappers/kpi-target.mapper';

const required = (missing: string) => ({ error: (i: { input: unknown }) => (i.input === undefined ? missing : undefined) });
const version = z.string().min(1, 'send the version you read').meta({ title: 'Version' });

/** A KPI target as the tab shows it, with its data points under the model's names ("Autumn data"). */
function targetView(t: Stored<KpiTarget>, points: readonly Stored<KpiDataPoint>[], meetings: readonly Meeting[], model: ImprovementModel) {
  const mine = points.filter((p) => p.kpiId === t.id);
  return {
    id: t.id,
    version: t.version,
    ...kpiTargetFields(t),
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
      ...kpiTargetFields(t),
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
