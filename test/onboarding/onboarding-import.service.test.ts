import { applyImport, importForAdmin, planImport, type RowPlan } from '../../core/services/onboarding-import.service';
import { urnOf } from '../../core/domain/onboarding-academies';
import { allAcademies, allPeople, csv, sample, seededTrust, snapshot } from './onboarding-fixtures';

const rejectedCells = (rows: RowPlan[]) =>
  rows.flatMap((r) => (r.outcome === 'rejected' ? r.problems.map((p) => `${p.row}|${p.column}|${p.value}`) : []));

describe('importing academies and people from CSV', () => {
  it('creates the academies and people of good files, linking heads to academies created in the same import', async () => {
    const { deps, store } = await seededTrust();
    const plan = await planImport(deps, { academiesCsv: sample('academies'), peopleCsv: sample('people') });
    expect(plan.counts).toEqual({
      academies: { create: 2, update: 1, unchanged: 0, rejected: 0 },
      people: { create: 5, update: 0, unchanged: 1, rejected: 0 },
    });
    expect(plan.files.academies?.ignoredColumns).toEqual(['Local authority']);

    const result = await applyImport(deps, plan);
    expect(result).toEqual({ created: 7, updated: 1, problems: [] });

    const academies = await allAcademies(store);
    const meadow = academies.find((a) => a.name === 'Meadow View Primary School')!;
    expect(meadow).toMatchObject({
      id: 'meadow-view-primary-school',
      phase: 'primary',
      ofstedGrade: 'requires-improvement',
      ofstedDate: '2025-02-04',
      riskBand: 'medium',
      improvementBudgetPence: 175000,
    });
    expect(urnOf(meadow)).toBe('149201');
    // A blank stage takes the one the trust's model suggests (below Good → the DSAT model's support stage).
    expect(meadow.supportStage).not.toBe('');
    const people = await allPeople(store);
    const jo = people.find((p) => p.email === 'jo.mensah@meadowbank.example')!;
    expect(meadow.improvementDirectorId).toBe(jo.id);
    expect(people.find((p) => p.email === 'aisha.khan@meadowview.example')!.roles).toEqual([{ role: 'head', academyId: meadow.id }]);
    const linden = academies.find((a) => urnOf(a) === '149202')!;
    expect(people.find((p) => p.name === 'Tomasz Nowak')).toMatchObject({
      jobTitle: 'Principal, Linden Park Academy',
      roles: [
        { role: 'head', academyId: linden.id },
        { role: 'headteacher-partner', academyId: meadow.id },
      ],
    });
    // Oakfield was matched by name and now carries its URN, so the next import finds it by URN.
    expect(urnOf(academies.find((a) => a.id === 'oakfield')!)).toBe('140101');
  });

  it('imports the same files a second time without changing anything', async () => {
    const { deps, store } = await seededTrust();
    const input = { academiesCsv: sample('academies'), peopleCsv: sample('people') };
    await applyImport(deps, await planImport(deps, input));
    const before = await snapshot(store);

    const again = await planImport(deps, input);
    expect([...again.academies, ...again.people].every((r) => r.outcome === 'unchanged')).toBe(true);
    expect(await applyImport(deps, again)).toEqual({ created: 0, updated: 0, problems: [] });
    expect(await snapshot(store)).toEqual(before);
  });

  it('a dry run shows what would change and writes nothing', async () => {
    const { deps, store } = await seededTrust();
    const admin = (await store.people.get('admin'))!;
    const before = await snapshot(store);
    const { plan, result } = await importForAdmin(deps, admin, {
      academiesCsv: sample('academies'),
      peopleCsv: sample('people'),
      dryRun: true,
    });
    expect(result).toBeUndefined();
    expect(plan.counts.academies.create).toBe(2);
    expect(await snapshot(store)).toEqual(before);
  });

  it('updates only the fields that changed, shows them before → after, and leaves blank cells as they were', async () => {
    const { deps, store } = await seededTrust();
    const oakBefore = (await store.academies.get('oakfield'))!;
    const plan = await planImport(deps, {
      academiesCsv: csv('Name,URN,Ofsted grade,Inspection date,Risk band,Phase', 'Oakfield Primary Academy,140101,RI,12/11/2026,High,'),
      peopleCsv: csv(
        'Name,Email,Role,Academy,Job title',
        'Rachel Adeyemi,RACHEL.ADEYEMI@meadowbank.example,Headteacher,Oakfield,Executive Headteacher',
      ),
    });
    const oak = plan.academies[0]!;
    expect(oak.outcome).toBe('update');
    expect(oak.outcome === 'update' && oak.changes).toEqual([
      { field: 'Other names', before: 'Oakfield', after: 'Oakfield; URN 140101' },
      { field: 'Ofsted grade', before: 'Good', after: 'Requires Improvement' },
      { field: 'Ofsted date', before: '2023-03-15', after: '2026-11-12' },
      { field: 'Risk band', before: 'low', after: 'high' },
    ]);
    // E-mail matched whatever its case; only the job title changes.
    const head = plan.people[0]!;
    expect(head.outcome === 'update' && head.changes).toEqual([
      { field: 'Job title', before: 'Headteacher', after: 'Executive Headteacher' },
    ]);

    expect(await applyImport(deps, plan)).toEqual({ created: 0, updated: 2, problems: [] });
    const oakAfter = (await store.academies.get('oakfield'))!;
    expect(oakAfter).toMatchObject({
      ofstedGrade: 'requires-improvement',
      ofstedDate: '2026-11-12',
      riskBand: 'high',
      phase: oakBefore.phase,
      improvementBudgetPence: oakBefore.improvementBudgetPence,
    });
    expect((await store.people.get('head-oakfield'))!).toMatchObject({
      email: 'rachel.adeyemi@meadowbank.example',
      jobTitle: 'Executive Headteacher',
    });
  });

  it('reports each bad row with its row number, column, problem and value, and still imports the good rows', async () => {
    const { deps, store } = await seededTrust();
    const academiesCsv =
      '\uFEFF' +
      csv(
        'School Name,urn,PHASE,Ofsted,Date of last inspection,AID e-mail,Budget',
        'Good School,150001,Primary,Good,03/09/2024,graham.fielding@meadowbank.example,£500',
        'Bad Date School,150002,Primary,RI,31/02/2024,graham.fielding@meadowbank.example,',
        ',150003,Primary,Good,,graham.fielding@meadowbank.example,',
        '',
        'Odd School,15004,Primary,Great,2024-13-01,head-oakfield,abc',
        'Good School,150001,Primary,Good,,,',
      );
    const peopleCsv = csv(
      'Email,First name,Surname,Role,School',
      'new.head@x.example,Ann,Lee,Headteacher,150001',
      'notanemail,Bob,Bee,Governor,Oakfield',
      'x@y.example,Cy,Dee,Head,Bad Date School',
      'z@y.example,Zed,Ed,Wizard,',
      'q@y.example,Q,R,Governor,',
      'm@y.example,M,N,Governor,Oakfield',
      'M@y.example,M,N,Chair,Nowhere',
    );
    const plan = await planImport(deps, { academiesCsv, peopleCsv });
    expect(rejectedCells(plan.academies)).toEqual([
      '3|Date of last inspection|31/02/2024',
      '4|School Name|',
      // Row 5 is blank in the sheet: rows keep their spreadsheet numbers.
      '6|urn|15004',
      '6|Ofsted|Great',
      '6|Date of last inspection|2024-13-01',
      '6|Budget|abc',
      '6|AID e-mail|head-oakfield',
      '7|urn|150001',
    ]);
    const messages = plan.academies.flatMap((r) => (r.outcome === 'rejected' ? r.problems.map((p) => p.message) : []));
    expect(messages).toEqual(
      expect.arrayContaining([
        'not a real calendar date (dd/mm/yyyy)',
        'required: the academy’s name',
        'the same academy is already in row 2',
        expect.stringContaining('Rachel Adeyemi is not an Improvement Director'),
      ]),
    );
    expect(rejectedCells(plan.people)).toEqual([
      '3|Email|notanemail',
      // Refers to an academy whose own row was rejected: held back, saying which row to fix.
      '4|School|Bad Date School',
      '5|Role|Wizard',
      '6|School|',
      // Two rows of one person (the e-mail in any case): one bad row holds back both.
      '7|Email|m@y.example',
      '8|School|Nowhere',
    ]);
    expect(plan.people.find((r) => r.rows.includes(4))).toMatchObject({
      outcome: 'rejected',
      problems: [expect.objectContaining({ message: expect.stringContaining('row 3') })],
    });

    const result = await applyImport(deps, plan);
    expect(result).toEqual({ created: 2, updated: 0, problems: [] });
    const good = (await allAcademies(store)).find((a) => urnOf(a) === '150001')!;
    expect(good).toMatchObject({
      name: 'Good School',
      ofstedDate: '2024-09-03',
      improvementBudgetPence: 50000,
      improvementDirectorId: 'aid-graham',
    });
    expect((await store.people.byEmail('new.head@x.example'))!.roles).toEqual([{ role: 'head', academyId: good.id }]);
    expect(await store.people.byEmail('m@y.example')).toBeUndefined();
  });

  it('says why a file cannot be read at all, and reads nothing from it', async () => {
    const { deps } = await seededTrust();
    const plan = await planImport(deps, {
      academiesCsv: 'PK\u0003\u0004\u0000\u0000binary',
      peopleCsv: csv('Forename,Surname,Mobile', 'Ann,Lee,07700 900000'),
    });
    expect(plan.fileProblems).toEqual([
      { file: 'academies', message: expect.stringContaining('Excel workbook') },
      { file: 'people', message: expect.stringContaining('needs an E-mail column and a Role column') },
    ]);
    expect(plan.academies).toEqual([]);
    expect(plan.people).toEqual([]);
  });

  it('reports people missing from the file and never removes them; imported roles are added, never taken away', async () => {
    const { deps, store } = await seededTrust();
    const peopleBefore = (await allPeople(store)).length;
    const plan = await planImport(deps, {
      peopleCsv: csv('Name,E-mail,Role,Academy', 'Chris Barton,chris.barton@meadowbank.example,Headteacher Consultant,Kingsmead'),
    });
    expect(plan.notInFile).toHaveLength(peopleBefore - 1);
    expect(plan.notInFile).toContainEqual({ id: 'ceo', name: 'Dr Helen Marsh', email: 'helen.marsh@meadowbank.example' });
    await applyImport(deps, plan);
    expect(await allPeople(store)).toHaveLength(peopleBefore);
    expect((await store.people.get('consultant-chris'))!.roles).toEqual([
      { role: 'headteacher-consultant', academyId: 'hill-top' },
      { role: 'headteacher-consultant', academyId: 'brook-lane' },
      { role: 'headteacher-consultant', academyId: 'kingsmead' },
    ]);
  });

  it('reports a record someone changed after the check as a conflict for that row, keeps their change, and writes the rest', async () => {
    const { deps, store } = await seededTrust();
    const plan = await planImport(deps, { academiesCsv: sample('academies'), peopleCsv: sample('people') });
    // Between the check and the import, the CEO changes Oakfield's risk band in Settings.
    const oak = (await store.academies.get('oakfield'))!;
    await store.academies.update({ ...oak, riskBand: 'high' });

    const result = await applyImport(deps, plan);
    expect(result.created).toBe(7);
    expect(result.updated).toBe(0);
    expect(result.problems).toEqual([
      {
        file: 'academies',
        rows: [2],
        label: 'Oakfield Primary Academy',
        kind: 'conflict',
        message: expect.stringContaining('changed by someone else'),
      },
    ]);
    const after = (await store.academies.get('oakfield'))!;
    expect(after.riskBand).toBe('high');
    expect(urnOf(after)).toBeUndefined();
  });

  it('matches forgiving headers, dates as dd/mm/yyyy or ISO, grades as words or numbers, and roles by label, id or a common name', async () => {
    const { deps } = await seededTrust();
    const plan = await planImport(deps, {
      academiesCsv: csv(
        'ESTABLISHMENT NAME ,Unique Reference Number,phase of education,Overall effectiveness,Last inspection date,Improvement Director Email,In Ofsted window,Sponsored academy',
        'Ash Grove Academy,151001,all through,2,2024-06-30,priya.nair@meadowbank.example,yes,N',
        'Birch Academy,151002,Special,Outstanding,1/7/2019,aid-priya,No,Yes',
      ),
      peopleCsv: csv(
        'Full Name,E-Mail Address,ROLE,School URN',
        'Dee Vine,dee@ash.example,head-of-school,151001',
        'Eve Ng,eve@ash.example,chair-lgb,Ash Grove',
        'Fay Oz,fay@ash.example,Chair of Governors,Ash Grove Academy',
      ),
    });
    expect(plan.counts.academies).toEqual({ create: 2, update: 0, unchanged: 0, rejected: 0 });
    expect(plan.counts.people).toEqual({ create: 3, update: 0, unchanged: 0, rejected: 0 });
    const values = plan.academies.map((r) => (r.outcome === 'create' ? r.record.value : undefined));
    expect(values[0]).toMatchObject({
      phase: 'all-through',
      ofstedGrade: 'good',
      ofstedDate: '2024-06-30',
      inOfstedWindow: true,
      sponsored: false,
    });
    expect(values[1]).toMatchObject({ phase: 'special', ofstedGrade: 'outstanding', ofstedDate: '2019-07-01', sponsored: true });
    const roles = plan.people.map((r) =>
      r.outcome === 'create' && r.record.kind === 'person' ? r.record.value.roles[0]!.role : undefined,
    );
    expect(roles).toEqual(['head', 'chair-lgb', 'chair-lgb']);
  });
});

describe('matching academies', () => {
  it('renames an academy only when its URN says the row is that academy; a match by another name keeps the trust’s name', async () => {
    const { deps, store } = await seededTrust();
    await applyImport(deps, await planImport(deps, { academiesCsv: sample('academies') }));
    const plan = await planImport(deps, {
      academiesCsv: csv('Name,URN,Risk band', 'Oakfield Academy Trust School,140101,', 'Brook Lane,,High'),
    });
    const [oak, brook] = plan.academies;
    expect(oak).toMatchObject({
      outcome: 'update',
      id: 'oakfield',
      changes: [{ field: 'Name', before: 'Oakfield Primary Academy', after: 'Oakfield Academy Trust School' }],
    });
    expect(brook).toMatchObject({
      outcome: 'update',
      id: 'brook-lane',
      changes: [{ field: 'Risk band', before: 'medium', after: 'high' }],
    });
    await applyImport(deps, plan);
    expect((await store.academies.get('brook-lane'))!.name).toBe('Brook Lane Academy');
  });
});
