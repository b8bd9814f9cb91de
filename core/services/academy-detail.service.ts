import { academyStatus } from '../domain/academy-status';
import type { Person } from '../domain/people';
import { notesAwaitingApproval } from '../domain/notes-approval';
import { isPaperIn } from '../domain/paper-deadlines';
import { academyInputs } from './academy-status.service';
import type { ServiceDeps } from './service-context';
import { kpiTargetFields } from './mappers/kpi-target.mapper';

/**
 * Everything the tab's academy page shows: status, meetings timeline (past with notes and
 * judgements, future with papers), actions, KPIs with their data points, interventions,
 * escalation history and support days. Each list names the fields it copies.
 */
export async function getAcademyDetail(deps: ServiceDeps, viewer: Person, academyId: string) {
  const { trust, inputs } = await academyInputs(deps, viewer, academyId);
  const status = academyStatus(inputs, { model: trust.model, calendar: trust.calendar, today: trust.today });
  const kinds = new Map(trust.model.meetingKinds.map((k) => [k.id, k]));
  const own = <T extends { academyId: string }>(xs: readonly T[]): T[] => xs.filter((x) => x.academyId === academyId);
  const meetings = own(inputs.meetings)
    .filter((m) => m.status !== 'cancelled')
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((m) => ({
      id: m.id,
      date: m.date,
      startsAt: m.startsAt,
      status: m.status,
      kind: m.kind,
      kindName: kinds.get(m.kind)?.name ?? m.kind,
      abbreviation: kinds.get(m.kind)?.abbreviation ?? m.kind,
      chairId: m.chairId,
      focus: m.focus,
      papers: { required: m.papers.length, in: m.papers.filter(isPaperIn).length },
      judgements: m.judgements.map((j) => ({ area: j.area, indicativeGrade: j.indicativeGrade, reportCardGrade: j.reportCardGrade })),
      notes: m.notes ? { circulated: m.notes.circulatedAt !== undefined, awaiting: notesAwaitingApproval(m).length } : undefined,
    }));
  const targets = own(inputs.kpiTargets);
  const points = own(inputs.kpiDataPoints);
  return {
    today: trust.today,
    academicYear: trust.academicYear,
    status,
    inspectionAreas: trust.model.inspectionAreas,
    meetings,
    actions: own(inputs.actions).map((a) => ({
      id: a.id,
      text: a.text,
      ownerId: a.ownerId,
      dueDate: a.dueDate,
      status: a.status,
      raisedInMeetingId: a.raisedInMeetingId,
      version: a.version,
    })),
    kpis: targets.map((t) => ({
      id: t.id,
      ...kpiTargetFields(t),
      dataPoints: points
        .filter((p) => p.kpiId === t.id)
        .sort((a, b) => a.point - b.point)
        .map((p) => ({
          point: p.point,
          value: p.value,
          drop: p.drop ? { reviewed: p.drop.reviewedInMeetingId !== undefined } : undefined,
        })),
    })),
    interventions: own(inputs.interventions).map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      status: i.status,
      startDate: i.startDate,
      endDate: i.endDate,
      reviewDates: i.reviewDates,
      leadId: i.leadId,
    })),
    escalations: own(inputs.escalations)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((e) => ({
        id: e.id,
        step: e.step,
        stepId: e.stepId,
        label: trust.model.escalation.steps.find((s) => s.id === e.stepId)?.label ?? e.stepId,
        at: e.at,
        by: e.by,
        reason: e.reason,
      })),
    supportDays: own(inputs.supportDays)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((d) => ({ id: d.id, date: d.date, kind: d.kind, days: d.days, description: d.description, chargePence: d.chargePence })),
  };
}
