import { z } from 'zod';
import {
  actionCan,
  checkDueDate,
  defaultDueDate,
  withdrawAction,
  type ActionCan,
  type DueDateCode,
  type WithdrawCode,
} from '../domain/action-changes';
import { actionStatusSchema, type ActionItem } from '../domain/action-item';
import { actionOwnerProblem } from '../domain/action-owner';
import { updateActionStatus, type ActionUpdateCode } from '../domain/carry-forward';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { fieldProblem, parseLabelled } from '../domain/field-labels';
import { localDateSchema, type LocalDate } from '../domain/local-date';
import type { Meeting } from '../domain/meeting';
import type { Outcome } from '../domain/outcome';
import type { Person } from '../domain/people';
import { canAccessAcademy } from '../domain/permissions';
import { type Page, type Stored } from '../ports/record-store.port';
import { actionView, type ActionView } from './mappers/action.mapper';
import { loadTrust, requireAcademyAccess, type ServiceDeps, type TrustContext } from './service-context';
import { writeUseCase } from './use-case';

/** A required text field's message when it is missing or not text. */
const text = (missing: string) => z.string({ error: (i) => (i.input === undefined ? missing : 'expected text') });
/** The version the person read: a stale one is a conflict (409), never a silent overwrite. */
const version = text('send the version you read').min(1, 'send the version you read').meta({ title: 'Version' });
const dueDate = localDateSchema.meta({ title: 'Due date' });
const keepHolidayDate = z.boolean().optional().meta({
  title: 'Keep a date in the holidays',
  description: 'Set after the person has seen the warning that the due date falls in the holidays.',
});

export const newActionBodySchema = z.object({
  academyId: text('choose the academy').min(1, 'choose the academy').meta({ title: 'Academy' }),
  text: text('say what the action is')
    .trim()
    .min(1, 'say what the action is')
    .max(2000, 'keep it under 2,000 characters')
    .meta({ title: 'What' }),
  ownerId: text('choose who owns the action').min(1, 'choose who owns the action').meta({ title: 'Owner' }),
  /** Absent: the school day before the academy's next meeting. */
  dueDate: dueDate.optional(),
  raisedInMeetingId: z.string().min(1).optional().meta({ title: 'Meeting' }),
  /** The caller's key: sending the same action twice (a retry, a double click) creates it once. */
  clientKey: text('send a key for this action').min(8).max(200).meta({ title: 'Client key' }),
  keepHolidayDate,
});

type RaisedIn = Pick<Meeting, 'id' | 'academyId' | 'chairId' | 'date'>;

/** The owner must be a known person who may see the academy, since they read the action in My work. */
async function checkOwner(deps: ServiceDeps, schema: z.ZodType, ownerId: string, academyId: string) {
  const [owner, academy] = await Promise.all([deps.store.people.get(ownerId), deps.store.academies.get(academyId)]);
  if (!academy) throw new ValidationError([fieldProblem(schema, 'academyId', `no academy "${academyId}"`)], 'action');
  if (!owner) throw new ValidationError([fieldProblem(schema, 'ownerId', `no person "${ownerId}"`)], 'action');
  const outsider = actionOwnerProblem(owner, academy);
  if (outsider) throw new ValidationError([{ ...fieldProblem(schema, 'ownerId', outsider.message) }], 'action');
}

/** A due date must not have passed; one in the holidays is refused with a warning unless the person keeps it. */
function checkDue(schema: z.ZodType, date: LocalDate, trust: TrustContext, keep: boolean | undefined): Outcome<object, DueDateCode> {
  if (date < trust.today) throw new ValidationError([fieldProblem(schema, 'dueDate', 'the due date has already passed')], 'action');
  return checkDueDate(date, trust.calendar, keep);
}

/** Every meeting of an academy this year, for due dates and the chairs of the meetings that raised its actions. */
const academyMeetings = (deps: ServiceDeps, academyId: string) => deps.store.meetings.list({ academyId }).toArray();

/**
 * Records an action raised in a meeting (or outside one) by someone who may write at the academy;
 * the owner must be a known person who may see the academy. Without a due date it is due the
 * school day before the academy's next meeting; a due date in the holidays needs `keepHolidayDate`.
 */
export async function createAction(
  deps: ServiceDeps,
  viewer: Person,
  body: unknown,
): Promise<Outcome<{ action: Stored<ActionItem>; created: boolean }, DueDateCode>> {
  const input = parseLabelled(newActionBodySchema, body, 'action');
  requireAcademyAccess(viewer, input.academyId, 'write');
  const trust = await loadTrust(deps);
  await checkOwner(deps, newActionBodySchema, input.ownerId, input.academyId);
  const meeting = input.raisedInMeetingId ? await deps.store.meetings.get(input.raisedInMeetingId) : undefined;
  if (input.raisedInMeetingId && (!meeting || meeting.academyId !== input.academyId)) {
    throw new ValidationError([fieldProblem(newActionBodySchema, 'raisedInMeetingId', 'no such meeting at this academy')], 'action');
  }
  const due =
    input.dueDate ??
    defaultDueDate(await academyMeetings(deps, input.academyId), input.academyId, meeting?.date ?? trust.today, trust.today, trust.calendar)
      .dueDate;
  const checked = checkDue(newActionBodySchema, due, trust, input.keepHolidayDate);
  if (!checked.ok) return checked;
  const { clientKey, keepHolidayDate: _keep, ...fields } = input;
  const { record, created } = await deps.store.actions.create(
    { ...fields, dueDate: due, raisedBy: viewer.id, status: 'open', createdAt: deps.clock.now().toISOString(), progress: [] },
    { idempotencyKey: `action:${viewer.id}:${clientKey}` },
  );
  return { ok: true, action: record, created };
}

/** An academy's actions, a page at a time. */
export async function listAcademyActions(
  deps: ServiceDeps,
  viewer: Person,
  academyId: string,
  cursor?: string,
): Promise<Page<Stored<ActionItem>>> {
  requireAcademyAccess(viewer, academyId, 'read');
  return deps.store.actions.list({ academyId }, { pageSize: 100, ...(cursor ? { cursor } : {}) }).page();
}

/** One action, if the viewer may see its academy. */
export async function getAction(deps: ServiceDeps, viewer: Person, id: string): Promise<Stored<ActionItem>> {
  const action = await deps.store.actions.get(id);
  if (!action || !canAccessAcademy(viewer, action.academyId, 'read')) throw new NotFoundError('action', id);
  return action;
}

/** The chair of the meeting that raised the action, who looks after it with its owner. */
async function raisingChair(deps: ServiceDeps, action: ActionItem): Promise<string | undefined> {
  return action.raisedInMeetingId ? (await deps.store.meetings.get(action.raisedInMeetingId))?.chairId : undefined;
}

export const actionUpdateBodySchema = z.object({
  status: actionStatusSchema.meta({ title: 'Status', description: 'open, in-progress or done (dropped, with a note saying why)' }),
  note: z.string().trim().max(2000, 'keep the note under 2,000 characters').optional().meta({ title: 'Progress note' }),
  version,
});

/**
 * The owner, the chair of the meeting that raised it or the trust team moves an action on (open,
 * in progress, done) with a progress note. The owner is not changed here (an `ownerId` in the body
 * is ignored): reassigning is an edit, checked as a new owner is.
 */
export const updateAction = writeUseCase(
  { schema: actionUpdateBodySchema, what: 'action update', load: getAction },
  async ({ deps, viewer, input, target: action }): Promise<Outcome<{ action: Stored<ActionItem> }, ActionUpdateCode>> => {
    const can = actionCan(viewer, action, { raisingChairId: await raisingChair(deps, action), now: deps.clock.now().toISOString() });
    if (!can.progress)
      throw new ForbiddenError(
        'Only the action’s owner, the chair of the meeting that raised it or the trust’s improvement team can update it.',
      );
    const outcome = updateActionStatus(action, {
      status: input.status,
      ...(input.note ? { note: input.note } : {}),
      by: viewer.id,
      now: deps.clock.now().toISOString(),
    });
    if (!outcome.ok) return outcome;
    const saved = await deps.store.actions.update({ ...outcome.action, version: input.version });
    return { ok: true, action: saved };
  },
);

export const actionEditBodySchema = z
  .object({
    text: z.string().trim().min(1, 'say what the action is').max(2000, 'keep it under 2,000 characters').optional().meta({ title: 'What' }),
    ownerId: z.string().min(1, 'choose who owns the action').optional().meta({ title: 'Owner' }),
    dueDate: dueDate.optional(),
    keepHolidayDate,
    version,
  })
  .refine((b) => b.text !== undefined || b.ownerId !== undefined || b.dueDate !== undefined, {
    message: 'change the text, the owner or the due date',
    path: ['text'],
  });

export type EditActionCode = DueDateCode | 'ACTION.NOT_LIVE';

/**
 * Whoever raised an action, the chair of its meeting or the trust team corrects its text, owner or
 * due date. A new owner must be able to see the academy (as when it was raised); each change is a
 * progress note, so the next meeting sees what changed.
 */
export const editAction = writeUseCase(
  { schema: actionEditBodySchema, what: 'action', load: getAction },
  async ({ deps, viewer, input, target: action }): Promise<Outcome<{ action: Stored<ActionItem> }, EditActionCode>> => {
    const now = deps.clock.now().toISOString();
    const can = actionCan(viewer, action, { raisingChairId: await raisingChair(deps, action), now });
    if (!can.edit) {
      if (action.status === 'done' || action.status === 'dropped')
        return { ok: false, code: 'ACTION.NOT_LIVE', message: `The action is ${action.status}; reopen it before changing it.` };
      throw new ForbiddenError(
        'Only whoever raised the action, the chair of the meeting that raised it or the trust’s improvement team can change it.',
      );
    }
    const trust = await loadTrust(deps);
    if (input.ownerId !== undefined && input.ownerId !== action.ownerId)
      await checkOwner(deps, actionEditBodySchema, input.ownerId, action.academyId);
    if (input.dueDate !== undefined && input.dueDate !== action.dueDate) {
      const checked = checkDue(actionEditBodySchema, input.dueDate, trust, input.keepHolidayDate);
      if (!checked.ok) return checked;
    }
    const changed: string[] = [];
    if (input.text !== undefined && input.text !== action.text) changed.push('the text');
    if (input.ownerId !== undefined && input.ownerId !== action.ownerId) changed.push('the owner');
    if (input.dueDate !== undefined && input.dueDate !== action.dueDate) changed.push('the due date');
    const next: Stored<ActionItem> = {
      ...action,
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
      ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
      progress: changed.length
        ? [...action.progress, { at: now, by: viewer.id, note: `Changed ${changed.join(', ').replace(/, ([^,]*)$/, ' and $1')}.` }]
        : action.progress,
      version: input.version,
    };
    return { ok: true, action: await deps.store.actions.update(next) };
  },
);

export const actionWithdrawBodySchema = z.object({
  reason: text('say why the action is being withdrawn')
    .trim()
    .min(1, 'say why the action is being withdrawn')
    .max(2000, 'keep the reason under 2,000 characters')
    .meta({ title: 'Reason' }),
  version,
});

/**
 * An action raised by mistake is withdrawn: by whoever raised it within a day, by the trust
 * administrator at any time. The reason is written to its progress log first, so the audit trail
 * keeps it with the whole record, then the action is removed: it leaves every list, count and reminder.
 */
export const withdrawActionFor = writeUseCase(
  { schema: actionWithdrawBodySchema, what: 'withdrawal', load: getAction },
  async ({ deps, viewer, input, target: action }): Promise<Outcome<{ withdrawn: { id: string; reason: string } }, WithdrawCode>> => {
    const now = deps.clock.now().toISOString();
    const can = actionCan(viewer, action, { now });
    const raiser = action.raisedBy === viewer.id;
    if (!can.withdraw && !raiser)
      throw new ForbiddenError('Only whoever raised the action (within a day) or the trust administrator can withdraw it.');
    const outcome = withdrawAction(action, { by: viewer, now, reason: input.reason });
    if (!outcome.ok) return outcome;
    const noted = await deps.store.actions.update({ ...outcome.action, version: input.version });
    await deps.store.actions.remove(noted);
    return { ok: true, withdrawn: { id: action.id, reason: input.reason } };
  },
);

export const actionListQuerySchema = z
  .object({
    academyId: z.string().min(1).optional().meta({ title: 'Academy' }),
    meetingId: z
      .string()
      .min(1)
      .optional()
      .meta({ title: 'Meeting', description: 'Actions at the meeting’s academy; the default due date follows this meeting.' }),
    mine: z.enum(['true', 'false']).optional().meta({ title: 'Mine', description: 'true: the open actions the viewer owns.' }),
  })
  .refine((q) => q.academyId !== undefined || q.meetingId !== undefined || q.mine === 'true', {
    message: 'ask for an academy’s actions, a meeting’s, or your own (mine=true)',
    path: ['academyId'],
  });

/** An action with what the viewer may do to it. */
export type ActionWithCan = ActionView & { can: ActionCan };

/**
 * Actions with what the viewer may do to each, for the tab's rows: an academy's (or a meeting's
 * academy's), or the viewer's own open ones. For an academy or meeting it also gives the default due
 * date of a new action there: the school day before the academy's next meeting.
 */
export async function listActionsWithCan(deps: ServiceDeps, viewer: Person, query: unknown) {
  const q = parseLabelled(actionListQuerySchema, query ?? {}, 'action list');
  const trust = await loadTrust(deps);
  const now = deps.clock.now().toISOString();
  let academyId = q.academyId;
  let meeting: Stored<Meeting> | undefined;
  if (q.meetingId) {
    meeting = await deps.store.meetings.get(q.meetingId);
    if (!meeting) throw new NotFoundError('meeting', q.meetingId);
    academyId = meeting.academyId;
  }
  let actions: Stored<ActionItem>[];
  let meetings: Stored<Meeting>[] = [];
  if (academyId) {
    requireAcademyAccess(viewer, academyId, 'read');
    [actions, meetings] = await Promise.all([
      deps.store.actions.list({ academyId: academyId }).toArray(),
      academyMeetings(deps, academyId),
    ]);
  } else {
    actions = (await deps.store.actions.openByOwner(viewer.id).toArray()).filter((a) => canAccessAcademy(viewer, a.academyId, 'read'));
    const raisedIn = [...new Set(actions.flatMap((a) => (a.raisedInMeetingId ? [a.raisedInMeetingId] : [])))];
    meetings = raisedIn.length ? await deps.store.meetings.getMany(raisedIn) : [];
  }
  const chairOf = new Map<string, string>(meetings.map((m: RaisedIn) => [m.id, m.chairId]));
  const items: ActionWithCan[] = actions.map((a) => ({
    ...actionView(a),
    can: actionCan(viewer, a, {
      ...(a.raisedInMeetingId && chairOf.has(a.raisedInMeetingId) ? { raisingChairId: chairOf.get(a.raisedInMeetingId)! } : {}),
      now,
    }),
  }));
  const defaults = academyId ? defaultDueDate(meetings, academyId, meeting?.date ?? trust.today, trust.today, trust.calendar) : undefined;
  return {
    today: trust.today,
    items,
    ...(defaults ? { defaultDueDate: defaults.dueDate, ...(defaults.nextMeeting ? { nextMeeting: defaults.nextMeeting } : {}) } : {}),
    /** Whether the viewer may raise an action here. */
    canRaise: academyId ? canAccessAcademy(viewer, academyId, 'write') : false,
  };
}
