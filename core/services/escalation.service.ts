import { z } from 'zod';
import type { Academy } from '../domain/academy';
import { rulesFor } from '../domain/cadence';
import type { EscalationEvent } from '../domain/escalation';
import {
  currentStep,
  deEscalate,
  decidingStep,
  escalate,
  escalationHistory,
  ladderChanges,
  mayMoveStep,
  movedBySentence,
  withLadderChanges,
  type LadderCode,
} from '../domain/escalation-ladder';
import { ConflictError, ForbiddenError, isConflictError, NotFoundError } from '../domain/errors';
import { parseLabelled } from '../domain/field-labels';
import type { Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { Outcome } from '../domain/outcome';
import type { Person } from '../domain/people';
import { planYear, type PlanResult } from '../domain/year-planner';
import { type Stored } from '../ports/record-store.port';
import { followInCalendar } from './calendar-sync.service';
import { meetingsOfYear } from './planner.service';
import { loadTrust, requireAcademyAccess, type ServiceDeps, type TrustContext } from './service-context';

/** The ladder's version as the tab reads it: its latest move, so two people moving the same academy at once never both succeed. */
export const ladderVersion = (events: readonly Pick<EscalationEvent, 'id' | 'at'>[]): string =>
  escalationHistory(events as EscalationEvent[]).at(-1)?.id ?? 'never-moved';

export const escalationMoveBodySchema = z.object({
  direction: z.enum(['up', 'down'], { error: 'say whether the academy moves up or down the ladder' }).meta({ title: 'Direction' }),
  reason: z
    .string({ error: (i) => (i.input === undefined ? 'say why the academy is moving on the ladder' : undefined) })
    .trim()
    .min(1, 'say why the academy is moving on the ladder')
    .max(5000, 'keep the reason under 5,000 characters')
    .meta({ title: 'Reason' }),
  /** The ladder's version read (`ladder.version` on the academy page). */
  version: z.string({ error: 'send the version you read' }).min(1, 'send the version you read').meta({ title: 'Version' }),
  /** Only show what would change: the new step, the academy's status, and the meetings added, moved or dropped. */
  preview: z.boolean().default(false).meta({ title: 'Preview only' }),
});

/** The ladder as the academy page shows it: where the academy is, every step with who moves it, the history (who, when, why) and what the viewer may do. */
export function ladderView(viewer: Person, academyId: string, events: readonly EscalationEvent[], model: ImprovementModel) {
  const mine = escalationHistory(events.filter((e) => e.academyId === academyId));
  const position = currentStep(mine, model);
  const stepLabel = (id: string) => model.escalation.steps.find((s) => s.id === id)?.label ?? id;
  const move = (direction: 'up' | 'down') => {
    const step = decidingStep(position, direction, model);
    const to = model.escalation.steps[direction === 'up' ? position.step + 1 : position.step - 1];
    if (!step || !to) return undefined;
    return {
      to: { id: to.id, label: to.label },
      allowed: mayMoveStep(viewer, academyId, position, direction, model),
      by: movedBySentence(step, model.roleTitles),
      ...(direction === 'up' && to.managedAsSponsored ? { managedAsSponsored: true } : {}),
    };
  };
  const up = move('up');
  const down = move('down');
  return {
    version: ladderVersion(mine),
    position: {
      step: position.number,
      of: position.of,
      stepId: position.stepId,
      label: position.label,
      ...(position.since ? { since: position.since } : {}),
    },
    steps: model.escalation.steps.map((s, i) => ({
      number: i + 1,
      id: s.id,
      label: s.label,
      ...(s.description ? { description: s.description } : {}),
      movedBy: movedBySentence(s, model.roleTitles),
      managedAsSponsored: s.managedAsSponsored,
    })),
    history: [...mine].reverse().map((e) => ({
      id: e.id,
      at: e.at,
      by: e.by,
      reason: e.reason,
      step: e.step + 1,
      stepId: e.stepId,
      label: stepLabel(e.stepId),
      ...(e.direction ? { direction: e.direction } : {}),
      ...(e.changed ? { changed: e.changed } : {}),
    })),
    ...(up ? { up } : {}),
    ...(down ? { down } : {}),
  };
}

/** What re-planning the rest of the year does to one academy's meetings, before anything is saved. */
function replanPreview(plan: PlanResult, academyId: string, model: ImprovementModel) {
  const abbreviation = (kind: string) => model.meetingKinds.find((k) => k.id === kind)?.abbreviation ?? kind;
  const mine = <M extends Pick<Meeting, 'academyId'>>(m: M) => m.academyId === academyId;
  return {
    added: plan.create
      .filter(mine)
      .map((m) => ({ kind: m.kind, abbreviation: abbreviation(m.kind), date: m.date, halfTerm: m.halfTerm, reason: m.reason })),
    moved: plan.change
      .filter((c) => mine(c.after) && c.after.date !== c.before.date)
      .map((c) => ({
        id: c.before.id,
        kind: c.before.kind,
        abbreviation: abbreviation(c.before.kind),
        from: c.before.date,
        to: c.after.date,
      })),
    dropped: plan.cancel.filter(mine).map((m) => ({ id: m.id, kind: m.kind, abbreviation: abbreviation(m.kind), date: m.date })),
    unplaced: plan.unplaced
      .filter((u) => u.academyId === academyId)
      .map((u) => ({ kind: u.kind, abbreviation: abbreviation(u.kind), halfTerm: u.halfTerm, reason: u.reason })),
  };
}

/** Re-plans the rest of the year for one academy with its new facts; other academies' meetings only hold their chairs' days. */
async function replanFor(deps: ServiceDeps, trust: TrustContext, after: Academy) {
  const [people, existing] = await Promise.all([
    deps.store.people.list({}).toArray(),
    meetingsOfYear(deps.store, trust.calendar.yearBounds(trust.academicYear), trust.academicYear),
  ]);
  const plan = planYear({
    model: trust.model,
    calendar: trust.calendar,
    academicYear: trust.academicYear,
    academies: [after],
    people,
    existing,
    today: trust.today,
  });
  return { plan, people };
}

/** Writes a re-plan as the planner does: creates carry the planner's key (never a double), changes send the version read. */
async function writePlan(deps: ServiceDeps, plan: PlanResult, academyId: string): Promise<{ written: Meeting[]; conflicts: string[] }> {
  const written: Meeting[] = [];
  const conflicts: string[] = [];
  const save = async (m: Stored<Meeting>) => {
    try {
      written.push(await deps.store.meetings.update(m));
    } catch (e) {
      if (!isConflictError(e)) throw e;
      conflicts.push(m.id);
    }
  };
  for (const { key, ...draft } of plan.create.filter((m) => m.academyId === academyId)) {
    const { record, created } = await deps.store.meetings.create(draft, { idempotencyKey: key });
    if (created) written.push(record);
    else if (record.status === 'cancelled') await save({ ...record, ...draft, id: record.id, version: record.version });
  }
  for (const c of plan.change.filter((x) => x.after.academyId === academyId)) await save(c.after as Stored<Meeting>);
  for (const m of plan.cancel.filter((x) => x.academyId === academyId)) await save({ ...(m as Stored<Meeting>), status: 'cancelled' });
  return { written, conflicts };
}

/**
 * Moves an academy one step up or down the trust's ladder, with the reason, by the roles the model
 * names for that step (Waterton: the SSIO draws up the formal action plan, the board changes the
 * academy's status). Reaching the rung managed as sponsored sets the academy's sponsored status and
 * its cadence follows: `preview: true` lists the meetings the rest of the year gains, moves or
 * drops, and nothing is saved until the move is sent without it.
 */
export async function moveEscalationStep(
  deps: ServiceDeps,
  viewer: Person,
  academyId: string,
  body: unknown,
): Promise<Outcome<ReturnType<typeof moveResult>, LadderCode>> {
  const input = parseLabelled(escalationMoveBodySchema, body, 'escalation');
  const academy = await deps.store.academies.get(academyId);
  if (!academy) throw new NotFoundError('academy', academyId);
  requireAcademyAccess(viewer, academyId, 'read', academy.name);
  const trust = await loadTrust(deps);
  const { model } = trust;
  const events = (await deps.store.escalations.list({ academyId }).toArray()).filter((e) => e.academyId === academyId);
  if (ladderVersion(events) !== input.version)
    throw new ConflictError('escalation ladder', academy.id, { described: `the escalation ladder of ${academy.name}` });
  const from = currentStep(events, model);
  if (!mayMoveStep(viewer, academyId, from, input.direction, model)) {
    const step = decidingStep(from, input.direction, model);
    throw new ForbiddenError(
      step
        ? `Only the ${movedBySentence(step, model.roleTitles)} can move an academy ${input.direction === 'up' ? 'onto' : 'down from'} “${step.label}”.`
        : 'There is no step in that direction.',
    );
  }
  // Moves are ordered by time: one made in the same millisecond as the last (a fixed clock in tests) is kept after it.
  const latest = escalationHistory(events).at(-1);
  const clockNow = deps.clock.now().toISOString();
  const now = latest && latest.at >= clockNow ? new Date(Date.parse(latest.at) + 1).toISOString() : clockNow;
  const move = { academyId, by: viewer.id, now, reason: input.reason, id: '' };
  const moved = input.direction === 'up' ? escalate(events, move, model) : deEscalate(events, move, model);
  if (!moved.ok) return moved;
  const changes = ladderChanges(academy, from, input.direction, events, model);
  const changed = Object.keys(changes).length > 0;
  const after = withLadderChanges(academy, changes);
  const replan = changed ? await replanFor(deps, trust, after) : undefined;
  const preview = replan ? replanPreview(replan.plan, academyId, model) : { added: [], moved: [], dropped: [], unplaced: [] };
  const cadence = { before: rulesFor(model, academy).map((r) => r.label), after: rulesFor(model, after).map((r) => r.label) };
  const stage = (id: string) => model.stages.find((s) => s.id === id)?.label ?? id;
  const summary = {
    from: { step: from.number, label: from.label },
    to: { step: moved.position.number, of: moved.position.of, label: moved.position.label },
    changes: {
      ...(changes.sponsored ? { sponsored: changes.sponsored } : {}),
      ...(changes.supportStage ? { supportStage: { from: stage(changes.supportStage.from), to: stage(changes.supportStage.to) } } : {}),
    },
    cadence,
    meetings: preview,
  };
  if (input.preview) return { ok: true, ...moveResult(summary, true) };

  const { id: _none, ...event } = { ...moved.event, ...(changed ? { changed: changes } : {}) };
  // Sending the same move twice (a retry, a double click) records it once: the key is the version it was made from.
  const { record } = await deps.store.escalations.create(event, {
    idempotencyKey: `escalation:${academyId}:${input.version}:${input.direction}`,
  });
  let conflicts: string[] = [];
  if (changed) {
    await deps.store.academies.update({ ...after, version: academy.version });
    const written = await writePlan(deps, replan!.plan, academyId);
    conflicts = written.conflicts;
    const academies = await deps.store.academies.list({}).toArray();
    await followInCalendar(deps, written.written, { model, academies, people: replan!.people });
  }
  return { ok: true, ...moveResult(summary, false, { event: record, conflicts }) };
}

function moveResult(
  summary: {
    from: { step: number; label: string };
    to: { step: number; of: number; label: string };
    changes: object;
    cadence: { before: string[]; after: string[] };
    meetings: ReturnType<typeof replanPreview>;
  },
  preview: boolean,
  saved?: { event: Stored<EscalationEvent>; conflicts: string[] },
) {
  return {
    preview,
    ...summary,
    ...(saved
      ? {
          event: {
            id: saved.event.id,
            at: saved.event.at,
            by: saved.event.by,
            reason: saved.event.reason,
            step: saved.event.step + 1,
            stepId: saved.event.stepId,
          },
          conflicts: saved.conflicts,
        }
      : {}),
  };
}
