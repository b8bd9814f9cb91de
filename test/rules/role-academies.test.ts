import { startLocalStack, type RunningStack } from '../e2e/local-stack';

// Rule: a role names an academy that exists. A role "at nowhere" would give a person a role the
// permission checks read as an academy id, and a record no one can put right from the academy page.

const csv = (...lines: string[]): string => lines.join('\r\n') + '\r\n';

let stack: RunningStack;
beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
});
afterAll(async () => stack.stop());

const allPeople = async () =>
  (await stack.call('GET', '/api/admin/people', { as: 'admin' })).body.people as {
    id: string;
    email: string;
    version: string;
    roles: { role: string; academyId?: string }[];
  }[];

describe('a role is held at an academy that exists', () => {
  it('refuses a new person with a role at academy “nowhere” (400 on roles.0.academyId) and adds no one', async () => {
    const res = await stack.call('POST', '/api/admin/people', {
      as: 'admin',
      body: {
        name: 'Nobody Anywhere',
        email: 'nobody@meadowbank.example',
        roles: [{ role: 'governor', academyId: 'nowhere' }],
        clientKey: 'rules-nowhere-1',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual([
      { field: 'roles.0.academyId', label: 'Roles 1: Academy', message: "There is no academy called 'nowhere'" },
    ]);
    expect((await allPeople()).some((p) => p.email === 'nobody@meadowbank.example')).toBe(false);
  });

  it('refuses giving someone a role at “nowhere”, naming the role by its place, and leaves their roles as they were', async () => {
    const head = (await allPeople()).find((p) => p.id === 'head-oakfield')!;
    const res = await stack.call('PATCH', '/api/admin/people/head-oakfield', {
      as: 'admin',
      body: {
        roles: [
          { role: 'head', academyId: 'oakfield' },
          { role: 'headteacher-partner', academyId: 'nowhere' },
        ],
        version: head.version,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual([
      { field: 'roles.1.academyId', label: 'Roles 2: Academy', message: "There is no academy called 'nowhere'" },
    ]);
    expect((await allPeople()).find((p) => p.id === 'head-oakfield')!.roles).toEqual(head.roles);
  });

  it('rejects an import row at an academy the trust does not have, and imports the other rows', async () => {
    const res = await stack.call('POST', '/api/admin/import', {
      as: 'admin',
      body: {
        dryRun: false,
        peopleCsv: csv(
          'Name,E-mail,Role,Academy',
          'Nobody Anywhere,nobody@meadowbank.example,Governor,nowhere',
          'Nia Rees,nia.rees@meadowbank.example,Governor,Oakfield',
        ),
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.counts.people).toMatchObject({ create: 1, rejected: 1 });
    expect(res.body.rejected).toEqual([
      expect.objectContaining({ row: 2, column: 'Academy', value: 'nowhere', message: expect.stringContaining('no academy') }),
    ]);
    const emails = (await allPeople()).map((p) => p.email);
    expect(emails).toContain('nia.rees@meadowbank.example');
    expect(emails).not.toContain('nobody@meadowbank.example');
  });
});
