import { currentStep, deEscalate, escalate, escalationHistory } from './escalation-ladder';
import type { EscalationEvent } from './escalation';
import { preset } from './models/presets';
import { ACADEMY_ID, makeEscalation, okOf } from './test-factories';

const model = preset('waterton');
const move = (id: string, now: string, reason = 'Drop at the autumn data point not resolved') => ({
  academyId: ACADEMY_ID,
  by: 'aid',
  now,
  reason,
  id,
});

describe('currentStep', () => {
  it('puts an academy that has never moved on the first rung: improving with its own capacity', () => {
    expect(currentStep([], model)).toEqual({ step: 0, number: 1, of: 4, stepId: 'own-capacity', label: 'Improving with its own capacity' });
  });

  it('is the latest move, whatever order the events arrive in', () => {
    const events = [
      makeEscalation({ id: 'e2', step: 2, stepId: 'formal-action-plan', at: '2027-01-20T09:00:00.000Z' }),
      makeEscalation({ id: 'e1', step: 1, stepId: 'trust-support', at: '2026-10-14T09:00:00.000Z' }),
    ];
    expect(currentStep(events, model)).toMatchObject({ number: 3, of: 4, label: 'Formal action plan', since: '2027-01-20T09:00:00.000Z' });
  });
});

describe('escalate and deEscalate', () => {
  it('moves an academy up one step at a time: own capacity → trust support → formal action plan → change of status', () => {
    let events: EscalationEvent[] = [];
    const labels: string[] = [];
    ['2026-10-14', '2027-01-20', '2027-04-21'].forEach((d, i) => {
      const r = okOf(escalate(events, move(`e${i}`, `${d}T09:00:00.000Z`), model));
      events = [...events, r.event];
      labels.push(`${r.position.label} (step ${r.position.number} of ${r.position.of})`);
    });
    expect(labels).toEqual([
      'Support from across the trust (step 2 of 4)',
      'Formal action plan (step 3 of 4)',
      'Change of status: managed as a sponsored academy (step 4 of 4)',
    ]);
    expect(escalate(events, move('e9', '2027-06-01T09:00:00.000Z'), model)).toEqual({
      ok: false,
      code: 'ESCALATION.AT_TOP',
      message: 'The academy is already at the last step of the ladder: Change of status: managed as a sponsored academy.',
    });
  });

  it('records who moved the academy, when and why', () => {
    const r = okOf(escalate([], move('e1', '2026-10-14T09:00:00.000Z', 'Phonics results below KPI for a second data point'), model));
    expect(r.event).toEqual({
      id: 'e1',
      academyId: ACADEMY_ID,
      step: 1,
      stepId: 'trust-support',
      at: '2026-10-14T09:00:00.000Z',
      by: 'aid',
      reason: 'Phonics results below KPI for a second data point',
      direction: 'up',
    });
  });

  it('moves an improving academy back down one step', () => {
    const events = [makeEscalation({ id: 'e1', step: 2, stepId: 'formal-action-plan' })];
    const r = okOf(deEscalate(events, move('e2', '2027-03-01T09:00:00.000Z', 'Action plan targets met'), model));
    expect(r.position.label).toBe('Support from across the trust');
  });

  it('cannot move below the first rung', () => {
    expect(deEscalate([], move('e1', '2027-03-01T09:00:00.000Z'), model)).toMatchObject({ ok: false, code: 'ESCALATION.AT_FIRST_STEP' });
  });

  it('needs a reason to move', () => {
    expect(escalate([], move('e1', '2027-03-01T09:00:00.000Z', ''), model)).toMatchObject({
      ok: false,
      code: 'ESCALATION.REASON_REQUIRED',
    });
  });

  it('looks only at this academy’s moves', () => {
    const elsewhere = [makeEscalation({ academyId: 'brook-lane', step: 3, stepId: 'change-of-status' })];
    expect(okOf(escalate(elsewhere, move('e1', '2026-10-14T09:00:00.000Z'), model)).position.number).toBe(2);
  });
});

describe('escalationHistory', () => {
  it('lists the moves oldest first', () => {
    const events = [
      makeEscalation({ id: 'b', at: '2027-01-20T09:00:00.000Z' }),
      makeEscalation({ id: 'a', at: '2026-10-14T09:00:00.000Z' }),
    ];
    expect(escalationHistory(events).map((e) => e.id)).toEqual(['a', 'b']);
  });
});
