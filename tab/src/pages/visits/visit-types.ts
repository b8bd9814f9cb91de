import type { getMonitoringVisit, listAcademyVisits, listMeetingVisits } from '../../../../core/services/monitoring-visits.service';

/*
 * The shapes the visit pages read, taken from the use cases that answer them (type-only imports:
 * no server code in the tab's bundle).
 */
type Data<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type AcademyVisits = Data<typeof listAcademyVisits>;
export type MeetingVisits = Data<typeof listMeetingVisits>;
export type MonitoringVisit = Data<typeof getMonitoringVisit>['visit'];
