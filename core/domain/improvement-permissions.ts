import type { Intervention } from './intervention';
import type { Meeting } from './meeting';
import type { Person } from './people';
import { canAccessAcademy, canPlanMeetings } from './permissions';
import { canRunMeeting } from './viewer-can';

/*
 * Who closes the loop on KPIs and interventions. The trust's improvement team (CEO, improvement
 * directors, trust administrator) may do all of it; the academy's head sends its data; the chair
 * of a meeting records what the meeting agreed and reviewed; an intervention's lead reviews it.
 */

const headOf = (viewer: Pick<Person, 'roles'>, academyId: string): boolean =>
  viewer.roles.some((r) => r.role === 'head' && r.academyId === academyId);

/** A data point is entered by the academy's head (DSAT: the head sends "the most recent pupil achievement data") or the trust team. */
export const canRecordKpiData = (viewer: Pick<Person, 'roles'>, academyId: string): boolean =>
  canPlanMeetings(viewer) || headOf(viewer, academyId);

/** A data point for the whole trust from one file: the trust team, who receive the MIS and FFT exports. */
export const canImportKpiData = (viewer: Pick<Person, 'roles'>): boolean => canPlanMeetings(viewer);

/** Targets are recorded as agreed at a meeting by its chair, or by the trust team. */
export const canSetKpiTargets = (viewer: Pick<Person, 'id' | 'roles'>, academyId: string, meeting?: Pick<Meeting, 'chairId'>): boolean =>
  canAccessAcademy(viewer, academyId, 'read') && (canPlanMeetings(viewer) || (meeting !== undefined && meeting.chairId === viewer.id));

/** A drop is reviewed in the meeting by whoever runs it: its chair or the trust team. */
export const canReviewKpiDrops = (viewer: Pick<Person, 'id' | 'roles'>, meeting: Pick<Meeting, 'chairId'>): boolean =>
  canRunMeeting(viewer, meeting);

/** Interventions are commissioned, ended early and extended by the trust team (Schoolsworks: the trust agrees the plan). */
export const canManageInterventions = (viewer: Pick<Person, 'roles'>): boolean => canPlanMeetings(viewer);

/** A review is recorded by the intervention's lead or the trust team. */
export const canReviewIntervention = (
  viewer: Pick<Person, 'id' | 'roles'>,
  intervention: Pick<Intervention, 'leadId' | 'academyId'>,
): boolean => canAccessAcademy(viewer, intervention.academyId, 'read') && (intervention.leadId === viewer.id || canPlanMeetings(viewer));

/** Impact is judged by the trust team (KGA: the SI leader judges implementation against impact). */
export const canJudgeImpact = (viewer: Pick<Person, 'roles'>): boolean => canPlanMeetings(viewer);
