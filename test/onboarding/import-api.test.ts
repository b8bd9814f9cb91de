import { createSqliteAuditLog } from '../../core/adapters/sqlite';
import { urnOf } from '../../core/domain/onboarding-academies';
import { createApiHandler } from '../../functions/api/api-handler';
import { createTrustServices } from '../../core/services/trust-services';
import type { ApiResponse } from '../../functions/api/api-types';
import { allAcademies, csv, sample, seededTrust, snapshot } from './onboarding-fixtures';

async function api() {
  const trust = await seededTrust();
  const log = createSqliteAuditLog(trust.db);
  let n = 0;
  const handle = createApiHandler({
    services: createTrustServices({ ...trust.deps, audit: { log, newId: () => `audit-${++n}` } }),
    identify: async (req) => (req.headers['x-dev-person'] ? trust.store.people.get(req.headers['x-dev-person']) : undefined),
  });
  const post = (as: string | undefined, body: unknown): Promise<ApiResponse & { body: any }> =>
    handle({ method: 'POST', path: '/api/admin/import', query: {}, headers: as ? { 'x-dev-person': as } : {}, body });
  return { ...trust, log, post };
}

describe('POST /api/admin/import', () => {
  it('refuses anyone but the trust admin and the CEO, whatever they send, and writes nothing', async () => {
    const { post, store } = await api();
    const before = await snapshot(store);
    for (const who of ['head-oakfield', 'chair-brook-lane', 'aid-graham', 'board-chair']) {
      const res = await post(who, { academiesCsv: sample('academies'), dryRun: false });
      expect([who, res.status, res.body.error.code]).toEqual([who, 403, 'ACCESS.FORBIDDEN']);
    }
    expect((await post(undefined, { academiesCsv: sample('academies'), dryRun: false })).status).toBe(401);
    expect(await snapshot(store)).toEqual(before);
  });

  it('checks first (dry run: the plan, nothing written), then imports for the trust admin, with every write audited', async () => {
    const { post, store, log } = await api();
    const before = await snapshot(store);
    const check = await post('admin', { academiesCsv: sample('academies'), peopleCsv: sample('people'), dryRun: true });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      dryRun: true,
      counts: { academies: { create: 2, update: 1 }, people: { create: 5, unchanged: 1 } },
      rejected: [],
    });
    expect(check.body.result).toBeUndefined();
    expect(check.body.changes).toContainEqual(
      expect.objectContaining({
        file: 'academies',
        rows: [2],
        outcome: 'update',
        changes: [{ field: 'Other names', before: 'Oakfield', after: 'Oakfield; URN 140101' }],
      }),
    );
    // The full records stay on the server.
    expect(JSON.stringify(check.body)).not.toContain('"record"');
    expect(await snapshot(store)).toEqual(before);

    const done = await post('admin', { academiesCsv: sample('academies'), peopleCsv: sample('people'), dryRun: false });
    expect(done.status).toBe(200);
    expect(done.body.result).toEqual({ created: 7, updated: 1, problems: [] });
    const meadow = (await allAcademies(store)).find((a) => urnOf(a) === '149201')!;
    const history = await log.forRecord('academies', meadow.id);
    expect(history.items).toEqual([expect.objectContaining({ action: 'created', actorId: 'admin', academyId: meadow.id })]);
    expect((await log.forRecord('academies', 'oakfield')).items[0]).toMatchObject({
      action: 'updated',
      actorId: 'admin',
      changes: [expect.objectContaining({ field: 'aliases' })],
    });

    const again = await post('ceo', { academiesCsv: sample('academies'), peopleCsv: sample('people'), dryRun: false });
    expect(again.body.result).toEqual({ created: 0, updated: 0, problems: [] });
    expect(again.body.counts).toEqual({
      academies: { create: 0, update: 0, unchanged: 3, rejected: 0 },
      people: { create: 0, update: 0, unchanged: 6, rejected: 0 },
    });
  });

  it('answers rejected rows with row, column, problem and value, and offers them back as a CSV to fix', async () => {
    const { post } = await api();
    const res = await post('admin', {
      peopleCsv: csv('Name,Email,Role,Academy', 'Ann Lee,ann@x.example,Headteacher,Atlantis', 'Bo Li,bo@x.example,Governor,Oakfield'),
      dryRun: false,
    });
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([
      { file: 'people', row: 2, label: 'Ann Lee', column: 'Academy', message: expect.stringContaining('no academy'), value: 'Atlantis' },
    ]);
    expect(res.body.result.created).toBe(1);
    expect(res.body.rejectedCsv.people.split('\r\n')[0]).toBe('Name,Email,Role,Academy,Problems');
  });

  it('answers 400 naming the field for a body it cannot use: no file, no dryRun, too big, or nothing readable', async () => {
    const { post } = await api();
    const fields = async (body: unknown) => {
      const res = await post('admin', body);
      return [res.status, ...(res.body.error.problems ?? []).map((p: { field: string }) => p.field)];
    };
    expect(await fields({ dryRun: true })).toEqual([400, 'academiesCsv']);
    expect(await fields({ peopleCsv: 'Name' })).toEqual([400, 'dryRun']);
    expect(await fields({ peopleCsv: 'x'.repeat(2_000_001), dryRun: true })).toEqual([400, 'peopleCsv']);
    expect(await fields({ peopleCsv: 'Just,Some,Headers\r\n1,2,3', dryRun: true })).toEqual([400, 'peopleCsv']);
  });
});
