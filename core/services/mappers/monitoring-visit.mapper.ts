import type { Grade } from '../../domain/grades';
import { londonWallClock } from '../../domain/format/dates';
import type { ImprovementModel } from '../../domain/models/improvement-model.schema';
import type { MonitoringForm, MonitoringFormStatus } from '../../domain/monitoring-form';
import { visitFindings } from '../../domain/monitoring-forms';
import { canChangeVisit, isSubmitted } from '../../domain/monitoring-visit-access';
import type { Person } from '../../domain/people';
import type { Stored } from '../../ports/record-store.port';

/** A monitoring visit as the viewer sees it (`canSeeVisit` has already let them): only the fields listed here leave the service. */
export interface MonitoringVisitView {
  id: string;
  version: string;
  academyId: string;
  meetingId?: string;
  observerId: string;
  observerRole: string;
  /** The day and times in England, as the form was filled in. */
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  activity: string;
  focus: string;
  yearClass?: string;
  subject?: string;
  mixedAbility?: boolean;
  numberInClass?: number;
  notes: string;
  whatWentWell: string[];
  evenBetterIf: string[];
  areaOfExcellence?: string;
  judgements: Record<string, Grade>;
  status: MonitoringFormStatus;
  updatedAt?: string;
  submittedAt?: string;
  /** The findings in a few lines under the model's headings, offered as a judgement's evidence. */
  findings: string;
  can: { change: boolean; submit: boolean };
}

export function monitoringVisitView(viewer: Pick<Person, 'id'>, f: Stored<MonitoringForm>, model: ImprovementModel): MonitoringVisitView {
  const mine = canChangeVisit(viewer, f);
  return {
    id: f.id,
    version: f.version,
    academyId: f.academyId,
    ...(f.meetingId ? { meetingId: f.meetingId } : {}),
    observerId: f.observerId,
    observerRole: f.observerRole,
    date: londonWallClock(f.startsAt).date,
    startTime: londonWallClock(f.startsAt).time,
    endTime: londonWallClock(f.endsAt).time,
    startsAt: f.startsAt,
    endsAt: f.endsAt,
    activity: f.activity,
    focus: f.focus,
    ...(f.yearClass !== undefined ? { yearClass: f.yearClass } : {}),
    ...(f.subject !== undefined ? { subject: f.subject } : {}),
    ...(f.mixedAbility !== undefined ? { mixedAbility: f.mixedAbility } : {}),
    ...(f.numberInClass !== undefined ? { numberInClass: f.numberInClass } : {}),
    notes: f.notes,
    whatWentWell: [...f.whatWentWell],
    evenBetterIf: [...f.evenBetterIf],
    ...(f.areaOfExcellence !== undefined ? { areaOfExcellence: f.areaOfExcellence } : {}),
    judgements: { ...f.judgements },
    status: isSubmitted(f) ? 'submitted' : 'draft',
    ...(f.updatedAt ? { updatedAt: f.updatedAt } : {}),
    ...(f.submittedAt ? { submittedAt: f.submittedAt } : {}),
    findings: visitFindings(f, model),
    can: { change: mine, submit: mine },
  };
}
