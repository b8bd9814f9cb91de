import { z } from 'zod';
import type { Academy } from '../domain/academy';
import { arrangementChanges, describePlan, requestOptions, type PlanChange } from '../domain/academy-arrangements';
import { cadenceReasons, type CadenceReason } from '../domain/cadence';
import { ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../domain/errors';
import { fieldProblem, parseLabelled } from '../domain/field-labels';
import { gradeSchema } from '../domain/grades';
import { localDateSchema } from '../domain/local-date';
import { formatLongDate } from '../domain/london-time';
import type { Person } from '../domain/people';
import { canPlanMeetings } from '../domain/permissions';
import { plannerNames } from '../domain/planner-unplaced';
import { planYear } from '../domain/year-planner';
import { type Stored } from '../ports/record-store.port';
import { arrangementsView, type ArrangementsView } from './mappers/arrangements.mapper';

export type { ArrangementsView } from './mappers/arrangements.mapper';
import { meetingsOfYear, planAcademicYear, wholeYear, type PlanSummary } from './planner.service';
import { loadTrust, requireAcademyAccess, type ServiceDeps, type TrustContext } from './service-context';

/**
 * Each academy's arrangements for the year (issue 16, part 3), set by the trust team with a reason:
 * what it asked for (DSAT's iAIMs on request, KGA's 2-day QA model), a number of meetings agreed
 * with it (DSAT: "unless a different arrangement has been agreed with the academy"), and its
 * self-evaluated grade with its date. The area-by-area self-evaluation stays where it is set, at
 * the meeting (inspections.service `setSelfEvaluation`). A preview says which meetings the change
 * adds, moves or removes and writes nothing; setting it writes the academy, keeping the reason,
 * and re-plans the rest of the year.
 */

const version = z.string({ error: 'send the version you read' }).min(1, 'send the version you read').meta({ title: 'Version' });

/** The arrangements as the trust team sends them; a field left out stays as it is. */
export const arrangementsBodySchema = z
  .object({
    requests: z.array(z.string().min(1)).max(20).meta({ title: 'Asked for' }).optional(),
    /** Meeting kind → meetings a year; a kind left out has the model's number. */
    agreedMeetings: z
      .record(
        z.string().min(1),
        z
          .number({ error: 'give a number of meetings' })
          .int('give a whole number of meetings')
          .min(0, 'no fewer than 0')
          .max(6, 'no more than 6 a year, one each half term'),
      )
      .meta({ title: 'Meetings agreed with the academy' })
      .optional(),
    selfEvaluatedGrade: gradeSchema.nullable().meta({ title: 'Self-evaluated grade' }).optional(),
    selfEvaluatedOn: localDateSchema.nullable().meta({ title: 'Self-evaluated on' }).optional(),
    reason: z
      .string({ error: 'say why, e.g. “the head asked for iAIMs at the autumn AIM”' })
      .trim()
      .min(1, 'say why, e.g. “the head asked for iAIMs at the autumn AIM”')
      .max(1000, 'keep it under 1,000 characters')
      .meta({ title: 'Reason' }),
    version: version.optional(),
  })
  .strict();

async function academyOr404(deps: ServiceDeps, viewer: Person, academyId: string): Promise<Stored<Academy>> {
  requireAcademyAccess(viewer, academyId, 'read');
  const academy = await deps.store.academies.get(academyId);
  if (!academy) throw new NotFoundError('academy', academyId);
  return academy;
}

/** An academy's arrangements for the year, for anyone who may see the academy; only the trust team may change them. */
export async function getAcademyArrangements(deps: ServiceDeps, viewer: Person, academyId: string): Promise<ArrangementsView> {
  const academy = await academyOr404(deps, viewer, academyId);
  return arrangementsView(viewer, academy, (await loadTrust(deps)).model);
}

/** The academy as the arrangements would leave it, or the fields refused, each named. */
function arranged(academy: Stored<Academy>, input: z.infer<typeof arrangementsBodySchema>, trust: TrustContext): Stored<Academy> {
  const schema = arrangementsBodySchema;
  const problems: FieldProblem[] = [];
  const options = requestOptions(trust.model);
  const unknown = (input.requests ?? []).filter((r) => !options.some((o) => o.id === r));
  if (unknown.length > 0)
    problems.push(
      fieldProblem(
        schema,
        'requests',
        options.length === 0
          ? 'the trust’s model has nothing an academy may ask for'
          : `not something an academy may ask for: ${unknown.join(', ')}; choose from ${options.map((o) => o.label).join(', ')}`,
      ),
    );
  for (const kind of Object.keys(input.agreedMeetings ?? {})) {
    if (!trust.model.cadence.some((r) => r.meetingKind === kind))
      problems.push(fieldProblem(schema, 'agreedMeetings', `the trust’s model has no meetings of kind “${kind}”`));
  }
  const grade = input.selfEvaluatedGrade === undefined ? academy.selfEvaluatedGrade : (input.selfEvaluatedGrade ?? undefined);
  const on = input.selfEvaluatedOn === undefined ? academy.selfEvaluatedOn : (input.selfEvaluatedOn ?? undefined);
  const changesGrade = input.selfEvaluatedGrade !== undefined || input.selfEvaluatedOn !== undefined;
  if (changesGrade && academy.selfEvaluation)
    // One view at a time: the view by area, set at a meeting (inspections.service setSelfEvaluation), supersedes the single grade.
    problems.push(
      fieldProblem(
        schema,
        'selfEvaluatedGrade',
        `${academy.name} set its self-evaluation area by area on ${formatLongDate(academy.selfEvaluation.date)}; change it there, at its meeting`,
      ),
    );
  if (on !== undefined && on > trust.today)
    problems.push(fieldProblem(schema, 'selfEvaluatedOn', `${formatLongDate(on)} is still to come: give the day the school graded itself`));
  if (on !== undefined && grade === undefined)
    problems.push(fieldProblem(schema, 'selfEvaluatedGrade', 'give the grade the school gave itself'));
  if (problems.length > 0) throw new ValidationError(problems, 'arrangements');

  const { selfEvaluatedGrade: _g, selfEvaluatedOn: _o, agreedMeetings: _a, ...rest } = academy;
  const agreed = input.agreedMeetings === undefined ? academy.agreedMeetings : input.agreedMeetings;
  return {
    ...rest,
    requests: input.requests === undefined ? academy.requests : [...new Set(input.requests)],
    ...(agreed && Object.keys(agreed).length > 0 ? { agreedMeetings: { ...agreed } } : {}),
    ...(grade ? { selfEvaluatedGrade: grade } : {}),
    ...(on ? { selfEvaluatedOn: on } : {}),
  };
}

export interface ArrangementsPreview {
  academyId: string;
  /** What the arrangements change, one sentence each. */
  changes: string[];
  /** The meetings the re-plan would add, move and remove, in date order. */
  meetings: PlanChange[];
  /** Meetings the re-plan could not place, and why. */
  unplaced: string[];
  /** Why the academy would have the meetings it has. */
  cadence: CadenceReason[];
  /** The academic year re-planned, when it has term dates and meetings. */
  academicYear?: string;
}

async function previewOf(
  deps: ServiceDeps,
  academy: Stored<Academy>,
  after: Stored<Academy>,
  trust: TrustContext,
): Promise<ArrangementsPreview> {
  const base = {
    academyId: academy.id,
    changes: arrangementChanges(trust.model, academy, after),
    cadence: cadenceReasons(trust.model, after),
  };
  const year = trust.academicYear;
  const existing = trust.calendar.hasYear(year) ? await meetingsOfYear(deps.store, wholeYear(year), year) : [];
  if (!existing.some((m) => m.status !== 'cancelled')) return { ...base, meetings: [], unplaced: [] };
  const [academies, people] = await Promise.all([deps.store.academies.list({}).toArray(), deps.store.people.list({}).toArray()]);
  const changed = academies.map((a) => (a.id === after.id ? after : a));
  // The same planning the write runs (planner.service `planAcademicYear`), so the preview is what will happen.
  const plan = planYear({
    model: trust.model,
    calendar: trust.calendar,
    academicYear: year,
    academies: changed,
    people,
    existing,
    today: trust.today,
  });
  const names = plannerNames(people, changed, trust.model.meetingKinds);
  return {
    ...base,
    academicYear: year,
    meetings: describePlan(plan, names),
    unplaced: plan.unplaced.filter((u) => u.academyId === academy.id && !/has already passed$/.test(u.reason)).map((u) => u.reason),
  };
}

const requireTrustTeam = (viewer: Person): void => {
  if (!canPlanMeetings(viewer))
    throw new ForbiddenError('Only the CEO, the improvement directors and the trust administrator set an academy’s arrangements.');
};

/** What the arrangements would change, and which meetings the rest of the year would gain, move or lose; nothing is written. */
export async function previewAcademyArrangements(
  deps: ServiceDeps,
  viewer: Person,
  academyId: string,
  body: unknown,
): Promise<ArrangementsPreview> {
  requireTrustTeam(viewer);
  const input = parseLabelled(arrangementsBodySchema, body, 'arrangements');
  const academy = await academyOr404(deps, viewer, academyId);
  const trust = await loadTrust(deps);
  return previewOf(deps, academy, arranged(academy, input, trust), trust);
}

/**
 * Sets the arrangements with the reason (kept on the academy, so its audit trail says who, when and
 * why), then re-plans the rest of the year: what has happened stays, and only what must changes.
 */
export async function setAcademyArrangements(
  deps: ServiceDeps,
  viewer: Person,
  academyId: string,
  body: unknown,
): Promise<{ arrangements: ArrangementsView; preview: ArrangementsPreview; replanned?: PlanSummary }> {
  requireTrustTeam(viewer);
  const input = parseLabelled(arrangementsBodySchema, body, 'arrangements');
  if (input.version === undefined)
    throw new ValidationError([fieldProblem(arrangementsBodySchema, 'version', 'send the version you read')], 'arrangements');
  const academy = await academyOr404(deps, viewer, academyId);
  const trust = await loadTrust(deps);
  const after = arranged(academy, input, trust);
  const preview = await previewOf(deps, academy, after, trust);
  const saved = await deps.store.academies.update({
    ...after,
    arrangements: { reason: input.reason, setBy: viewer.id, setAt: deps.clock.now().toISOString() },
    version: input.version,
  });
  const replanned = preview.academicYear ? await planAcademicYear(deps, viewer, { academicYear: preview.academicYear }) : undefined;
  return { arrangements: arrangementsView(viewer, saved, trust.model), preview, ...(replanned ? { replanned } : {}) };
}
