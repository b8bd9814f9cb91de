import { EmailTakenError } from '../../core/domain/errors';
import { applyImport, planImport } from '../../core/services/onboarding-import.service';
import { createPerson, updatePerson } from '../../core/services/trust-admin.service';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';
import { demoTrust } from './rules-fixtures';

// Rule: one e-mail, one person, compared without regard to case. First sign-in links a person by
// e-mail, so a second person with the CEO's e-mail would take over the CEO's sign-in. The attack:
// the admin (or anyone who has the admin's session) adds "HELEN.MARSH@meadowbank.example".

const CEO_EMAIL = 'helen.marsh@meadowbank.example';
const csv = (...lines: string[]): string => lines.join('\r\n') + '\r\n';

let stack: RunningStack;
beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
});
afterAll(async () => stack.stop());

const peopleWithEmail = async (email: string) =>
  ((await stack.call('GET', '/api/admin/people', { as: 'admin' })).body.people as { id: string; email: string }[]).filter(
    (p) => p.email.toLowerCase() === email.toLowerCase(),
  );

describe('a person’s e-mail belongs to one person', () => {
  it('refuses a new person with the CEO’s e-mail in capitals (409 naming Dr Helen Marsh); the e-mail still signs in as the CEO', async () => {
    const res = await stack.call('POST', '/api/admin/people', {
      as: 'admin',
      body: {
        name: 'Helen Marsh',
        email: 'HELEN.MARSH@meadowbank.example',
        roles: [{ role: 'governor', academyId: 'oakfield' }],
        clientKey: 'rules-email-attack',
      },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'PERSON.EMAIL_TAKEN', message: 'That e-mail is already used by Dr Helen Marsh.' });
    expect((await peopleWithEmail(CEO_EMAIL)).map((p) => p.id)).toEqual(['ceo']);
    // The local host signs in by e-mail as production's first sign-in links by it.
    expect((await stack.call('GET', '/api/me', { as: 'HELEN.MARSH@meadowbank.example' })).body.id).toBe('ceo');
  });

  it('refuses changing someone’s e-mail to another person’s (409), but lets a person’s own e-mail change case', async () => {
    const head = (
      (await stack.call('GET', '/api/admin/people', { as: 'admin' })).body.people as { id: string; email: string; version: string }[]
    ).find((p) => p.id === 'head-oakfield')!;
    const taken = await stack.call('PATCH', '/api/admin/people/head-oakfield', {
      as: 'admin',
      body: { email: 'Helen.Marsh@Meadowbank.example', version: head.version },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe('That e-mail is already used by Dr Helen Marsh.');
    expect((await peopleWithEmail(CEO_EMAIL)).map((p) => p.id)).toEqual(['ceo']);
    const own = await stack.call('PATCH', '/api/admin/people/head-oakfield', {
      as: 'admin',
      body: { email: head.email.toUpperCase(), version: head.version },
    });
    expect(own.status).toBe(200);
  });

  it('still answers a retried create (same client key) with the person it created, not a refusal', async () => {
    const body = {
      name: 'Rosa Lind',
      email: 'rosa.lind@meadowbank.example',
      roles: [{ role: 'governor', academyId: 'riverside' }],
      clientKey: 'rules-email-retry',
    };
    const made = await stack.call('POST', '/api/admin/people', { as: 'admin', body });
    expect(made.status).toBe(201);
    const again = await stack.call('POST', '/api/admin/people', { as: 'admin', body });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, person: { id: made.body.person.id } });
    const other = await stack.call('POST', '/api/admin/people', {
      as: 'admin',
      body: { ...body, email: 'ROSA.LIND@meadowbank.example', clientKey: 'rules-email-retry-2' },
    });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toBe('That e-mail is already used by Rosa Lind.');
  });

  it('imports a row with the CEO’s e-mail in another case as the CEO, never as a second person', async () => {
    const res = await stack.call('POST', '/api/admin/import', {
      as: 'admin',
      body: {
        dryRun: false,
        peopleCsv: csv('Name,E-mail,Role,Academy', 'Dr Helen Marsh,HELEN.MARSH@MEADOWBANK.EXAMPLE,Governor,Oakfield'),
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.counts.people).toMatchObject({ create: 0, update: 1 });
    expect((await peopleWithEmail(CEO_EMAIL)).map((p) => p.id)).toEqual(['ceo']);
  });
});

describe('one e-mail, one person, in the services (both adapters’ byEmail ignore case)', () => {
  it('throws EmailTakenError naming the holder, on the e-mail field, from createPerson and updatePerson', async () => {
    const { deps, store, person } = await demoTrust();
    const admin = await person('admin');
    const attempt = createPerson(deps, admin, {
      name: 'Mallory',
      email: 'Helen.Marsh@MEADOWBANK.example',
      roles: [{ role: 'ceo' }],
      clientKey: 'k-1',
    });
    await expect(attempt).rejects.toBeInstanceOf(EmailTakenError);
    await expect(attempt).rejects.toMatchObject({
      code: 'PERSON.EMAIL_TAKEN',
      holder: { id: 'ceo' },
      problems: [{ field: 'email', message: 'That e-mail is already used by Dr Helen Marsh.' }],
    });
    const head = await person('head-oakfield');
    await expect(
      updatePerson(deps, admin, 'head-oakfield', {
        email: CEO_EMAIL.toUpperCase(),
        version: (await store.people.get('head-oakfield'))!.version,
      }),
    ).rejects.toMatchObject({ code: 'PERSON.EMAIL_TAKEN' });
    expect((await store.people.get('head-oakfield'))!.email).toBe(head.email);
    expect((await store.people.byEmail(CEO_EMAIL))!.id).toBe('ceo');
  });

  it('rejects an import row whose e-mail is already two people’s (written before the rule), and imports the other rows', async () => {
    const { deps, store } = await demoTrust();
    await store.people.create(
      { id: 'aaa-copy', name: 'Helen Copy', email: 'Helen.Marsh@meadowbank.example', roles: [{ role: 'governor', academyId: 'oakfield' }] },
      { idempotencyKey: 'legacy-duplicate' },
    );
    const plan = await planImport(deps, {
      peopleCsv: csv(
        'Name,E-mail,Role,Academy',
        'Dr Helen Marsh,helen.marsh@meadowbank.example,Governor,Oakfield',
        'Nia Rees,nia.rees@meadowbank.example,Governor,Oakfield',
      ),
    });
    const rejected = plan.people.filter((r) => r.outcome === 'rejected');
    expect(rejected).toEqual([
      expect.objectContaining({
        rows: [2],
        problems: [
          expect.objectContaining({
            column: 'E-mail',
            message: expect.stringMatching(/^already used by (Helen Copy and Dr Helen Marsh|Dr Helen Marsh and Helen Copy)/),
          }),
        ],
      }),
    ]);
    expect(await applyImport(deps, plan)).toMatchObject({ created: 1, problems: [] });
    expect((await store.people.byEmail('nia.rees@meadowbank.example'))?.name).toBe('Nia Rees');
  });

  it('does not add an imported person whose e-mail someone took after the check; the other rows still go in', async () => {
    const { deps, store, person } = await demoTrust();
    const plan = await planImport(deps, {
      peopleCsv: csv(
        'Name,E-mail,Role,Academy',
        'Omar Said,omar.said@meadowbank.example,Governor,Oakfield',
        'Nia Rees,nia.rees@meadowbank.example,Governor,Oakfield',
      ),
    });
    expect(plan.counts.people).toMatchObject({ create: 2, rejected: 0 });
    await createPerson(deps, await person('admin'), {
      name: 'Omar Said-Khan',
      email: 'OMAR.SAID@meadowbank.example',
      roles: [{ role: 'governor', academyId: 'brook-lane' }],
      clientKey: 'meanwhile',
    });
    const result = await applyImport(deps, plan);
    expect(result.created).toBe(1);
    expect(result.problems).toEqual([
      expect.objectContaining({
        kind: 'conflict',
        label: 'Omar Said',
        message: expect.stringContaining('That e-mail is already used by Omar Said-Khan.'),
      }),
    ]);
    expect((await store.people.byEmail('omar.said@meadowbank.example'))!.name).toBe('Omar Said-Khan');
    expect((await store.people.byEmail('nia.rees@meadowbank.example'))?.name).toBe('Nia Rees');
  });
});
