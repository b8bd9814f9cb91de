import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/** Issue 20: "Christmas and August bank holidays are listed under half terms they fall outside." */
let stack: RunningStack;
beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
});
afterAll(async () => stack?.stop());

test('the year planner lists under each half term only the bank holidays inside it', async () => {
  const res = await stack.call('GET', '/api/planner?academicYear=2026%2F27', { as: 'ceo' });
  expect(res.status).toBe(200);
  const byHalfTerm = (res.body.halfTerms as { halfTerm: number; bankHolidays: string[] }[]).map((h) => [h.halfTerm, h.bankHolidays]);
  // Christmas (25 and 28 December 2026), Easter (26 and 29 March 2027), the spring bank holiday
  // (31 May) and the summer one (30 August) all fall in breaks: only 3 May 2027 is in term.
  expect(byHalfTerm).toEqual([
    [1, []],
    [2, []],
    [3, []],
    [4, []],
    [5, ['2027-05-03']],
    [6, []],
  ]);
  // The year's full list is still there for the calendar view.
  expect(res.body.bankHolidays).toEqual(expect.arrayContaining(['2026-12-25', '2026-12-28', '2027-08-30']));
});
