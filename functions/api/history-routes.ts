import { z } from 'zod';
import { ForbiddenError, NotFoundError, parseOrThrow } from '../../core/domain/errors';
import { seesWholeTrust } from '../../core/domain/permissions';
import type { AuditLog } from '../../core/ports/audit-log.port';
import type { RecordStore } from '../../core/ports/record-store.port';
import { requireAcademyAccess } from '../../core/services/service-context';
import { ok, type Route } from './api-types';

const kindSchema = z.enum(['academies', 'people', 'meetings', 'actions', 'kpiTargets', 'kpiDataPoints', 'interventions', 'escalations', 'supportDays', 'monitoringForms', 'trust']);

/** `GET /api/history/:kind/:id`: a record's audit trail, for whoever may read the record itself. */
export function historyRoutes(audit: AuditLog): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/api/history/:kind/:id',
      handler: async ({ deps, viewer, params, req }) => {
        const kind = parseOrThrow(kindSchema, params.kind, 'record kind');
        const id = params.id!;
        if (kind === 'trust' || kind === 'people') {
          if (!seesWholeTrust(viewer)) throw new ForbiddenError('Only trust staff can see the history of trust settings and people.');
        } else {
          const rec = await (deps.store[kind] as RecordStore['actions']).get(id);
          if (!rec) throw new NotFoundError(kind, id);
          requireAcademyAccess(viewer, kind === 'academies' ? rec.id : (rec as { academyId: string }).academyId, 'read');
        }
        return ok(await audit.forRecord(kind, id, { pageSize: 100, ...(req.query.cursor ? { cursor: req.query.cursor } : {}) }));
      },
    },
  ];
}
