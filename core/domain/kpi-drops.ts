import type { KpiDataPoint, KpiTarget } from './kpi';
import { londonDateOf } from './london-time';
import type { Meeting } from './meeting';
import type { ImprovementModel, MeetingKind } from './models/improvement-model.schema';
import { refuse, withArticle, type Outcome } from './outcome';

/** Below the agreed target, honouring the direction of the measure (lower is better for persistent absence). */
export const isBelowTarget = (target: Pick<KpiTarget, 'target' | 'higherIsBetter'>, value: number): boolean =>
  target.higherIsBetter ? value < target.target : value > target.target;

export interface DataPointInput {
  /** The data point number in the model's year (Waterton: 1–5). */
  point: number;
  value: number;
  now: string;
  id: string;
}

export type DataPointCode = 'KPI.UNKNOWN_DATA_POINT' | 'KPI.VALUE_OUT_OF_RANGE';

/**
 * Records a KPI's value at one of the year's data points, flagging a drop when it is below target:
 * Waterton, "any drop from KPIs at these points will be investigated during the ASER".
 */
export function recordDataPoint(
  target: KpiTarget,
  input: DataPointInput,
  model: ImprovementModel,
): Outcome<{ dataPoint: KpiDataPoint }, DataPointCode> {
  const points = model.kpis.dataPoints;
  if (!points.some((p) => p.number === input.point)) {
    return refuse(
      'KPI.UNKNOWN_DATA_POINT',
      `There is no data point ${input.point} in the year; choose one of: ${points.map((p) => `${p.number} (${p.label})`).join(', ')}.`,
    );
  }
  if (
    !Number.isFinite(input.value) ||
    (target.unit === 'percent' && (input.value < 0 || input.value > 100)) ||
    (target.unit === 'count' && input.value < 0)
  ) {
    return refuse(
      'KPI.VALUE_OUT_OF_RANGE',
      target.unit === 'percent' ? 'Enter the value as a percentage between 0 and 100.' : 'Enter a number of zero or more.',
    );
  }
  const dataPoint: KpiDataPoint = {
    id: input.id,
    kpiId: target.id,
    academyId: target.academyId,
    academicYear: target.academicYear,
    point: input.point,
    value: input.value,
    recordedAt: input.now,
    ...(isBelowTarget(target, input.value) ? { drop: { flaggedAt: input.now } } : {}),
  };
  return { ok: true, dataPoint };
}

/** Drops flagged and not yet looked at in a review meeting. */
export const dropsAwaitingReview = (points: readonly KpiDataPoint[]): KpiDataPoint[] =>
  points.filter((p) => p.drop !== undefined && p.drop.reviewedInMeetingId === undefined);

export type ReviewDropsCode = 'KPI.MEETING_DOES_NOT_REVIEW_DROPS' | 'KPI.MEETING_CANCELLED' | 'KPI.REVIEW_NOTE_REQUIRED';

/**
 * Marks the academy's drops awaiting review as reviewed in this meeting, with what the meeting
 * found. Only a meeting of a kind that reviews KPI drops (Waterton's ASER) can; drops flagged after
 * the meeting's day are left for the next one.
 */
export function reviewDrops(
  points: readonly KpiDataPoint[],
  meeting: Pick<Meeting, 'id' | 'academyId' | 'date' | 'status' | 'kind'>,
  note: string,
  kind: Pick<MeetingKind, 'id' | 'name' | 'reviewsKpiDrops'>,
): Outcome<{ points: KpiDataPoint[]; reviewed: number }, ReviewDropsCode> {
  if (kind.id !== meeting.kind) throw new RangeError(`meeting ${meeting.id} is a ${meeting.kind}, not a ${kind.id}`);
  if (!kind.reviewsKpiDrops)
    return refuse(
      'KPI.MEETING_DOES_NOT_REVIEW_DROPS',
      `KPI drops are not reviewed at ${withArticle(kind.name)}; record the review at the next meeting that looks at KPIs.`,
    );
  if (meeting.status === 'cancelled')
    return refuse('KPI.MEETING_CANCELLED', 'That meeting was cancelled, so the drops cannot be reviewed in it.');
  const reviewNote = note.trim();
  if (reviewNote === '')
    return refuse('KPI.REVIEW_NOTE_REQUIRED', 'Say what the review found about the drop, and what will be done about it.');
  let reviewed = 0;
  const out = points.map((p) => {
    if (
      p.academyId !== meeting.academyId ||
      !p.drop ||
      p.drop.reviewedInMeetingId !== undefined ||
      londonDateOf(p.drop.flaggedAt) > meeting.date
    )
      return p;
    reviewed++;
    return { ...p, drop: { ...p.drop, reviewedInMeetingId: meeting.id, reviewNote } };
  });
  return { ok: true, points: out, reviewed };
}

/** The next planned meeting, on or after the drop was flagged, of a kind that reviews KPI drops; none when already reviewed. */
export function nextReviewFor<M extends Pick<Meeting, 'academyId' | 'kind' | 'status' | 'date' | 'id'>>(
  drop: KpiDataPoint,
  meetings: readonly M[],
  model: ImprovementModel,
): M | undefined {
  if (!drop.drop || drop.drop.reviewedInMeetingId !== undefined) return undefined;
  const flaggedOn = londonDateOf(drop.drop.flaggedAt);
  const reviewing = new Set(model.meetingKinds.filter((k) => k.reviewsKpiDrops).map((k) => k.id));
  return meetings
    .filter((m) => m.academyId === drop.academyId && m.status === 'planned' && reviewing.has(m.kind) && m.date >= flaggedOn)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))[0];
}

/** The data point's name as the model gives it ("Spring data", "Data point 2 (spring 1)"), never a bare number. */
export const dataPointLabel = (model: Pick<ImprovementModel, 'kpis'>, point: number): string =>
  model.kpis.dataPoints.find((p) => p.number === point)?.label ?? `Data point ${point}`;

export type CorrectionCode = DataPointCode;

/**
 * A value entered again for a data point already recorded (a corrected MIS export): the new value
 * replaces the old; still below target keeps its flag (and any review of it), now at target clears
 * it, newly below flags it.
 */
export function correctDataPoint(
  existing: KpiDataPoint,
  target: KpiTarget,
  input: { value: number; now: string },
  model: ImprovementModel,
): Outcome<{ dataPoint: KpiDataPoint; changed: boolean }, CorrectionCode> {
  const checked = recordDataPoint(target, { point: existing.point, value: input.value, now: input.now, id: existing.id }, model);
  if (!checked.ok) return checked;
  if (existing.value === input.value) return { ok: true, dataPoint: existing, changed: false };
  const { drop: _old, ...rest } = existing;
  const below = isBelowTarget(target, input.value);
  const drop = below ? (existing.drop ?? { flaggedAt: input.now }) : undefined;
  return { ok: true, changed: true, dataPoint: { ...rest, value: input.value, recordedAt: input.now, ...(drop ? { drop } : {}) } };
}

export type ReviewDropCode =
  ReviewDropsCode | 'KPI.NOT_A_DROP' | 'KPI.ALREADY_REVIEWED' | 'KPI.NOT_THIS_ACADEMY' | 'KPI.FLAGGED_AFTER_MEETING';

/**
 * One drop reviewed in a meeting, with what the meeting found and the actions it raised (Waterton:
 * "any drop from KPIs at these points will be investigated during the ASER").
 */
export function reviewDrop(
  point: KpiDataPoint,
  meeting: Pick<Meeting, 'id' | 'academyId' | 'date' | 'status' | 'kind'>,
  input: { found: string; by: string; now: string; actionIds: readonly string[] },
  kind: Pick<MeetingKind, 'id' | 'name' | 'reviewsKpiDrops'>,
): Outcome<{ dataPoint: KpiDataPoint }, ReviewDropCode> {
  if (point.academyId !== meeting.academyId)
    return refuse('KPI.NOT_THIS_ACADEMY', 'That data point belongs to another academy; review it in one of its own meetings.');
  if (!point.drop) return refuse('KPI.NOT_A_DROP', 'That value is not below its target, so there is no drop to review.');
  if (point.drop.reviewedInMeetingId !== undefined) return refuse('KPI.ALREADY_REVIEWED', 'That drop has already been reviewed.');
  if (londonDateOf(point.drop.flaggedAt) > meeting.date)
    return refuse('KPI.FLAGGED_AFTER_MEETING', 'That drop was flagged after this meeting; review it at the next one.');
  const r = reviewDrops([point], meeting, input.found, kind);
  if (!r.ok) return r;
  const reviewed = r.points[0]!;
  return {
    ok: true,
    dataPoint: {
      ...reviewed,
      drop: {
        ...reviewed.drop!,
        reviewedBy: input.by,
        reviewedAt: input.now,
        ...(input.actionIds.length ? { actionIds: [...input.actionIds] } : {}),
      },
    },
  };
}

export type TargetsMeetingCode = 'KPI.TARGETS_NOT_AGREED_HERE' | 'KPI.MEETING_CANCELLED' | 'KPI.NOT_THIS_ACADEMY' | 'KPI.MEETING_REQUIRED';

/**
 * KPI targets are agreed at the meeting the model names (Waterton: "the first ASER … includes the
 * agreement of the Key Performance Indicator Targets for the year"); a later meeting of that kind
 * may revise them. A model that names none lets the trust team set them outside a meeting.
 */
export function checkTargetsMeeting(
  meeting: Pick<Meeting, 'academyId' | 'kind' | 'status'> | undefined,
  academyId: string,
  model: ImprovementModel,
): Outcome<object, TargetsMeetingCode> {
  const kindId = model.kpis.targetsAgreedAt;
  const kind = kindId ? model.meetingKinds.find((k) => k.id === kindId) : undefined;
  if (!meeting)
    return kind
      ? refuse('KPI.MEETING_REQUIRED', `KPI targets are agreed at ${withArticle(kind.name)}; choose the meeting that agreed them.`)
      : { ok: true };
  if (meeting.academyId !== academyId) return refuse('KPI.NOT_THIS_ACADEMY', 'That meeting is at another academy.');
  if (meeting.status === 'cancelled') return refuse('KPI.MEETING_CANCELLED', 'That meeting was cancelled, so it agreed nothing.');
  if (kind && meeting.kind !== kind.id)
    return refuse('KPI.TARGETS_NOT_AGREED_HERE', `KPI targets are agreed at ${withArticle(kind.name)}, not at this meeting.`);
  return { ok: true };
}

/** A target agreed (or revised): the one it replaces goes into the history with when it was replaced. */
export function agreeTarget(
  existing: KpiTarget | undefined,
  input: Omit<KpiTarget, 'history' | 'agreedAt' | 'agreedBy'> & { by: string; now: string },
): KpiTarget {
  const { by, now, ...fields } = input;
  const agreed = { ...fields, agreedBy: by, agreedAt: now };
  if (!existing) return agreed;
  if (
    existing.target === fields.target &&
    existing.agreedInMeetingId === fields.agreedInMeetingId &&
    existing.measure === fields.measure &&
    existing.unit === fields.unit &&
    existing.higherIsBetter === fields.higherIsBetter
  )
    return existing;
  const was = {
    target: existing.target,
    ...(existing.agreedInMeetingId ? { agreedInMeetingId: existing.agreedInMeetingId } : {}),
    ...(existing.agreedBy ? { agreedBy: existing.agreedBy } : {}),
    ...(existing.agreedAt ? { agreedAt: existing.agreedAt } : {}),
    replacedAt: now,
  };
  return {
    ...agreed,
    id: existing.id,
    history: existing.target === fields.target ? (existing.history ?? []) : [...(existing.history ?? []), was],
  };
}
