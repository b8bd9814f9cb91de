import type { Academy } from './academy';
import { focusCoverage } from './judgements';
import type { Meeting } from './meeting';
import type { ImprovementModel } from './models/improvement-model.schema';
import { refuse, type Outcome } from './outcome';
import type { Person } from './people';
import { canRunMeeting } from './viewer-can';

/**
 * A meeting's focus (issue 16, part 4). DSAT (seed 001): "It will not be possible to look at each
 * area in detail so a focus should be agreed for each meeting such that all areas will be covered
 * over a period of time." The planner suggests one by rotation; the chair agrees or changes it with
 * the head. Only areas the school has count: the report card grades early years and sixth form only
 * where a school has them, so a secondary has no early years and a primary no sixth form.
 */

type Area = ImprovementModel['inspectionAreas'][number];

/** The areas a school of this phase is looked at under: the model's, less early years at a secondary and sixth form at a primary. */
export function focusAreasFor(model: Pick<ImprovementModel, 'inspectionAreas'>, phase: Academy['phase']): Area[] {
  const absent = phase === 'primary' ? 'sixth-form' : phase === 'secondary' ? 'early-years' : undefined;
  return model.inspectionAreas.filter((a) => a.id !== absent);
}

export type FocusCode = 'FOCUS.NOT_CHAIR_OR_HEAD' | 'FOCUS.MEETING_CLOSED' | 'FOCUS.NOT_ROTATED' | 'FOCUS.NOT_AT_THIS_SCHOOL';

/** Whether the viewer may agree a meeting's focus: its chair (or the trust team, who run meetings), or the academy's head. */
export const canAgreeFocus = (viewer: Pick<Person, 'id' | 'roles'>, meeting: Pick<Meeting, 'chairId' | 'academyId'>): boolean =>
  canRunMeeting(viewer, meeting) || viewer.roles.some((r) => r.role === 'head' && r.academyId === meeting.academyId);

/**
 * The focus agreed for a planned meeting: one or more of the school's areas, with who agreed it and
 * the head they agreed it with. A held or cancelled meeting keeps the focus it had; an area the
 * school does not have is refused, naming it.
 */
export function agreeFocus(
  meeting: Meeting,
  areas: readonly string[],
  ctx: {
    model: ImprovementModel;
    academy: Pick<Academy, 'name' | 'phase'>;
    kindName: string;
    rotatesFocus: boolean;
    by: Pick<Person, 'id' | 'roles'>;
    headId?: string;
    at: string;
  },
): Outcome<{ meeting: Meeting }, FocusCode> {
  if (!canAgreeFocus(ctx.by, meeting))
    return refuse(
      'FOCUS.NOT_CHAIR_OR_HEAD',
      `Only the chair of the ${ctx.kindName}, with the head of ${ctx.academy.name}, agrees its focus.`,
    );
  if (meeting.status !== 'planned')
    return refuse('FOCUS.MEETING_CLOSED', `This ${ctx.kindName} was ${meeting.status}; its focus stays as it was.`);
  if (!ctx.rotatesFocus) return refuse('FOCUS.NOT_ROTATED', `The trust’s model gives the ${ctx.kindName} no focus to agree.`);
  const known = focusAreasFor(ctx.model, ctx.academy.phase);
  const missing = areas.filter((id) => !known.some((a) => a.id === id));
  if (missing.length > 0) {
    const label = (id: string) => ctx.model.inspectionAreas.find((a) => a.id === id)?.label ?? `“${id}”`;
    return refuse(
      'FOCUS.NOT_AT_THIS_SCHOOL',
      `${ctx.academy.name} is not looked at under ${missing.map(label).join(' or ')}: choose from ${known.map((a) => a.label).join(', ')}.`,
    );
  }
  // In the model's order, once each.
  const focus = known.filter((a) => areas.includes(a.id)).map((a) => a.id);
  const agreed = { by: ctx.by.id, ...(ctx.headId && ctx.headId !== ctx.by.id ? { withHeadId: ctx.headId } : {}), at: ctx.at };
  return { ok: true, meeting: { ...meeting, focus, focusAgreed: agreed } };
}

/** One academy's coverage of its areas: each area's held and planned meetings, and those the plan leaves uncovered. */
export interface AcademyCoverage {
  academyId: string;
  name: string;
  areas: { id: string; label: string; held: number; planned: number }[];
  /** Areas no held meeting has looked at and no planned one has as its focus. */
  uncovered: { id: string; label: string }[];
  /** "The plan leaves Inclusion and Early years uncovered at Oakfield Primary Academy", when it does. */
  warning?: string;
}

/** Which areas an academy's meetings (all of them, held and planned) have covered or will, and a warning for the rest. */
export function academyCoverage(
  academy: Pick<Academy, 'id' | 'name' | 'phase'>,
  meetings: readonly Meeting[],
  model: ImprovementModel,
): AcademyCoverage {
  const own = meetings.filter((m) => m.academyId === academy.id);
  const cover = focusCoverage(own, model, academy);
  const allowed = new Set(focusAreasFor(model, academy.phase).map((a) => a.id));
  const areas = cover.areas
    .filter((a) => allowed.has(a.id))
    .map((a) => ({ id: a.id, label: a.label, held: a.heldIn.length, planned: a.plannedIn.length }));
  const uncovered = areas.filter((a) => a.held === 0 && a.planned === 0).map(({ id, label }) => ({ id, label }));
  const list = uncovered.map((a) => a.label);
  const words = list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]!}`;
  return {
    academyId: academy.id,
    name: academy.name,
    areas,
    uncovered,
    ...(uncovered.length > 0 ? { warning: `The plan leaves ${words} uncovered at ${academy.name}` } : {}),
  };
}
