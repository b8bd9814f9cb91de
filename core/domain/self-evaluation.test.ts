import { isAcademyBelowGood } from './academy';
import type { ReportCardInspection } from './inspections';
import { preset } from './models/presets';
import { compareSelfEvaluation, setSelfEvaluation } from './self-evaluation';
import { dsat, makeAcademy, makeMeeting, okOf } from './test-factories';

const areas = {
  inclusion: 'expected-standard',
  'curriculum-and-teaching': 'strong-standard',
  achievement: 'needs-attention',
  'attendance-and-behaviour': 'expected-standard',
  'personal-development-and-wellbeing': 'expected-standard',
  'leadership-and-governance': 'expected-standard',
} as const;
const by = { personId: 'head', at: '2026-10-13T15:00:00.000Z' };
const model = dsat();
const aim = makeMeeting({ id: 'aim-1', kind: 'aim', date: '2026-10-13', status: 'held' });

describe('setSelfEvaluation', () => {
  it('sets the academy’s own view at the meeting the model names, replacing its older single grade', () => {
    const academy = makeAcademy({ selfEvaluatedGrade: 'good' });
    const r = okOf(setSelfEvaluation(academy, { areas, safeguarding: 'met' }, aim, model, by));
    expect(r.selfEvaluation).toEqual({ areas, safeguarding: 'met', meetingId: 'aim-1', date: '2026-10-13', setBy: 'head', setAt: by.at });
    expect(r.academy).not.toHaveProperty('selfEvaluatedGrade');
    // DSAT's iAIMs follow self-evaluation as well as inspection.
    expect(isAcademyBelowGood(r.academy)).toBe(true);
  });

  it('refuses it at a meeting of another kind, naming the one the model names', () => {
    const iaim = makeMeeting({ kind: 'iaim', date: '2026-11-25' });
    expect(setSelfEvaluation(makeAcademy(), { areas }, iaim, model, by)).toEqual({
      ok: false,
      code: 'SELF_EVALUATION.NOT_AT_THIS_MEETING',
      message: 'The trust sets self-evaluation at an Academy Improvement Meeting (AIM), not at an Interim Academy Improvement Meeting.',
    });
  });

  it('refuses another academy’s meeting, a cancelled one, a primary’s sixth form, and a model that names no meeting', () => {
    expect(setSelfEvaluation(makeAcademy({ id: 'elsewhere' }), { areas }, aim, model, by)).toMatchObject({
      ok: false,
      code: 'SELF_EVALUATION.OTHER_ACADEMY',
    });
    expect(setSelfEvaluation(makeAcademy(), { areas }, { ...aim, status: 'cancelled' }, model, by)).toMatchObject({
      ok: false,
      code: 'SELF_EVALUATION.MEETING_CANCELLED',
    });
    expect(setSelfEvaluation(makeAcademy(), { areas: { ...areas, 'sixth-form': 'expected-standard' } }, aim, model, by)).toMatchObject({
      ok: false,
      code: 'SELF_EVALUATION.NO_SIXTH_FORM',
    });
    const silent = { ...model, selfEvaluation: { setAt: [], trustQualityDescriptions: false } };
    expect(setSelfEvaluation(makeAcademy(), { areas }, aim, silent, by)).toMatchObject({
      ok: false,
      code: 'SELF_EVALUATION.NO_MEETING_NAMED',
    });
  });

  it('is set at Waterton’s Academy Self-Evaluation Review', () => {
    expect(preset('waterton').selfEvaluation.setAt).toEqual(['aser']);
    expect(preset('waterton').selfEvaluation.trustQualityDescriptions).toBe(false);
  });
});

describe('compareSelfEvaluation', () => {
  const se = okOf(setSelfEvaluation(makeAcademy(), { areas, safeguarding: 'met' }, aim, model, by)).selfEvaluation;
  const card: ReportCardInspection = {
    kind: 'report-card',
    date: '2026-03-04',
    areas: { ...areas, 'curriculum-and-teaching': 'expected-standard', 'leadership-and-governance': 'needs-attention' },
    safeguarding: 'met',
  };

  it('puts the academy’s view beside its latest report card, area by area', () => {
    const c = compareSelfEvaluation(se, card);
    expect(c.areas.map((a) => [a.area, a.self.label, a.reportCard?.label, a.comparison])).toEqual([
      ['inclusion', 'Expected standard', 'Expected standard', 'same'],
      ['curriculum-and-teaching', 'Strong standard', 'Expected standard', 'higher'],
      ['achievement', 'Needs attention', 'Needs attention', 'same'],
      ['attendance-and-behaviour', 'Expected standard', 'Expected standard', 'same'],
      ['personal-development-and-wellbeing', 'Expected standard', 'Expected standard', 'same'],
      ['leadership-and-governance', 'Expected standard', 'Needs attention', 'higher'],
    ]);
    expect(c.summary).toBe('Higher than the report card in 2 areas, lower in none');
    expect(c.safeguarding).toEqual({ self: 'met', label: 'Met', reportCard: 'met' });
  });

  it('says when there is no report card yet to compare with', () => {
    expect(compareSelfEvaluation(se, undefined)).toMatchObject({
      summary: 'No report card yet to compare with',
      areas: expect.arrayContaining([expect.objectContaining({ comparison: 'no-report-card' })]),
    });
  });
});
