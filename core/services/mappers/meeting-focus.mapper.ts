import type { Academy } from '../../domain/academy';
import type { Meeting } from '../../domain/meeting';
import { academyCoverage, canAgreeFocus, focusAreasFor, type AcademyCoverage } from '../../domain/meeting-focus';
import type { ImprovementModel } from '../../domain/models/improvement-model.schema';
import type { Person } from '../../domain/people';
import type { Stored } from '../../ports/record-store.port';

export interface MeetingFocusView {
  meetingId: string;
  version: string;
  status: Meeting['status'];
  focus: { id: string; label: string }[];
  /** Who agreed it and with which head, or absent while it is the planner's suggestion. */
  agreed?: { by: string; withHeadId?: string; at: string };
  /** The areas this school is looked at under (none at a meeting kind with no focus). */
  areas: { id: string; label: string }[];
  /** The academy's coverage across its meetings, with the area to suggest next. */
  coverage: AcademyCoverage;
  can: { agree: boolean };
}

/** A meeting's focus as anyone who may see the meeting reads it, each field named; `can.agree` for its chair and the head. */
export function meetingFocusView(
  viewer: Person,
  meeting: Stored<Meeting>,
  academy: Pick<Academy, 'id' | 'name' | 'phase'>,
  meetings: readonly Meeting[],
  model: ImprovementModel,
): MeetingFocusView {
  const kind = model.meetingKinds.find((k) => k.id === meeting.kind);
  const label = (id: string) => model.inspectionAreas.find((a) => a.id === id)?.label ?? id;
  return {
    meetingId: meeting.id,
    version: meeting.version,
    status: meeting.status,
    focus: meeting.focus.map((id) => ({ id, label: label(id) })),
    ...(meeting.focusAgreed ? { agreed: { ...meeting.focusAgreed } } : {}),
    areas: kind?.rotatesFocus ? focusAreasFor(model, academy.phase).map(({ id, label: l }) => ({ id, label: l })) : [],
    coverage: academyCoverage(academy, meetings, model),
    can: { agree: Boolean(kind?.rotatesFocus) && meeting.status === 'planned' && canAgreeFocus(viewer, meeting) },
  };
}
