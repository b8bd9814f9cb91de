import { z } from 'zod';
import { ForbiddenError, NotFoundError, parseOrThrow } from '../domain/errors';
import type { Person } from '../domain/people';
import { seesWholeTrust } from '../domain/permissions';
import type { AuditLog } from '../ports/audit-log.port';
import { RECORD_COLLECTIONS, type RecordStore } from '../ports/record-store.port';
import type { Meeting } from '../domain/meeting';
import type { MonitoringForm } from '../domain/monitoring-form';
import { canSeeVisit } from '../domain/monitoring-visit-access';
import { meetingAuditEntryView } from './mappers/audit.mapper';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';

const kindSchema = z.enum([...RECORD_COLLECTIONS, 'trust']);

/** A record's audit trail, newest first, for whoever may read the record itself. */
export async function recordHistory(deps: ServiceDeps, audit: AuditLog, viewer: Person, kindParam: string, id: string, cursor?: string) {
  const kind = parseOrThrow(kindSchema, kindParam, 'record kind');
  let meeting: Meeting | undefined;
  if (kind === 'trust' || kind === 'people') {
    if (!seesWholeTrust(viewer)) throw new ForbiddenError('Only trust staff can see the history of trust settings and people.');
  } else {
    const rec = await (deps.store[kind] as RecordStore['actions']).get(id);
    // A draft visit is its observer's alone, and so is its trail (monitoring-visit-access.ts).
    if (!rec || (kind === 'monitoringForms' && !canSeeVisit(viewer, rec as unknown as MonitoringForm))) throw new NotFoundError(kind, id);
    requireAcademyAccess(viewer, kind === 'academies' ? rec.id : (rec as { academyId: string }).academyId, 'read');
    if (kind === 'meetings') meeting = rec as unknown as Meeting;
  }
  const page = await audit.forRecord(kind, id, { pageSize: 100, ...(cursor ? { cursor } : {}) });
  if (!meeting) return page;
  // A meeting's trail holds its notes and attendees whole: they go through the meeting's mappers (no draft notes or apology reasons to those not entitled).
  const shown = meeting;
  const meetingKind = (await loadTrust(deps)).model.meetingKinds.find((k) => k.id === shown.kind);
  return { ...page, items: page.items.map((e) => meetingAuditEntryView(viewer, e, shown, meetingKind)) };
}
