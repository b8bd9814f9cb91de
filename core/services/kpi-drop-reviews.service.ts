import { z } from 'zod';
import { defaultDueDate } from '../domain/action-changes';
import { actionOwnerProblem } from '../domain/action-owner';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { fieldProblem } from '../domain/field-labels';
import { canReviewKpiDrops } from '../domain/improvement-permissions';
import type { KpiDataPoint } from '../domain/kpi';
import { dropsAwaitingReview, nextReviewFor, reviewDrop, type ReviewDropCode } from '../domain/kpi-drops';
import { localDateSchema } from '../domain/local-date';
import { londonDateOf } from '../domain/london-time';
import type { Outcome } from '../domain/outcome';
import type { Person } from '../domain/people';
import type { Stored } from '../ports/record-store.port';
import { dataPointView } from './kpis.service';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';
import { writeUseCase } from './use-case';

/*
 * KPI drops reviewed at meetings (Waterton: "any drop from KPIs at these points will be investigated
 * during the ASER"): what a meeting has on its agenda, and the review with the actions it raises.
 */

type DropReviewed = Outcome<{ dataPoint: ReturnType<typeof dataPointView>; actions: { id: string; ownerId: string }[] }, ReviewDropCode>;
const required = (missing: string) => ({ error: (i: { input: unknown }) => (i.input === undefined ? missing : undefined) });
const version = z.string().min(1, 'send the version you read').meta({ title: 'Version' });

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
export const reviewKpiDrop = writeUseCase(
  { schema: kpiReviewBodySchema, what: 'KPI review', load: meetingWithInputs },
  async ({ deps, viewer, input, target: { meeting, trust, inputs, kind } }): Promise<DropReviewed> => {
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
  },
);
