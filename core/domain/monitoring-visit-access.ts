import type { MonitoringForm } from './monitoring-form';
import type { Person, Role } from './people';
import { canAccessAcademy } from './permissions';

/*
 * Who records and who reads a QA or monitoring visit, read from the seeds:
 * - KGA's reviews are "led by a headteacher, the CEO or one of the phase directors, accompanied by
 *   up to three staff"; DSAT's AID (the improvement director) monitors the day before an AIM and the
 *   head leads the learning walk; Schoolsworks' DTL and lead practitioners take part in WILOs,
 *   learning walks, lesson observations and work scrutiny. So the CEO and improvement directors
 *   record visits anywhere, and a head, headteacher partner or consultant, peer head, lead
 *   practitioner or external adviser at the academy their role names. Governors and the board
 *   read them but do not observe.
 * - A draft is the observer's own notes, half written while walking round a school: only the
 *   observer sees or changes it. Once submitted it is the academy's record, read by everyone who
 *   may see the academy (trust roles and the board, the head, governors, partners), and no longer
 *   changed, since meetings cite it as evidence.
 */
const OBSERVING_AT_ACADEMY: readonly Role[] = [
  'head',
  'headteacher-partner',
  'headteacher-consultant',
  'peer-head',
  'lead-practitioner',
  'external-adviser',
];
const OBSERVING_ANYWHERE: readonly Role[] = ['ceo', 'improvement-director'];

export const canRecordVisit = (viewer: Pick<Person, 'roles'>, academyId: string): boolean =>
  viewer.roles.some((r) => OBSERVING_ANYWHERE.includes(r.role) || (r.academyId === academyId && OBSERVING_AT_ACADEMY.includes(r.role)));

export const canSeeVisit = (
  viewer: Pick<Person, 'id' | 'roles'>,
  visit: Pick<MonitoringForm, 'observerId' | 'status' | 'academyId'>,
): boolean => visit.observerId === viewer.id || (isSubmitted(visit) && canAccessAcademy(viewer, visit.academyId, 'read'));

/** Stored records are read back without their schema's defaults, so a form kept before drafts existed has no status: it was a complete one. */
export const isSubmitted = (visit: Pick<MonitoringForm, 'status'>): boolean => visit.status !== 'draft';

/** Only the observer changes or submits their draft; a submitted form stays as it was submitted. */
export const canChangeVisit = (viewer: Pick<Person, 'id'>, visit: Pick<MonitoringForm, 'observerId' | 'status'>): boolean =>
  visit.observerId === viewer.id && visit.status === 'draft';
