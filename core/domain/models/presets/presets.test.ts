import type { Academy } from '../../academy';
import { requiredMeetings, suggestStage } from '../../cadence';
import type { ImprovementModel } from '../improvement-model.schema';
import { preset, presetIds } from './index';

/** An academy as the trust records it; the stage defaults to what the model suggests for its grades. */
function academy(model: ImprovementModel, facts: Partial<Academy> = {}): Academy {
  const base = { ofstedGrade: 'good' as const, inOfstedWindow: false, sponsored: false, requests: [], ...facts };
  return {
    id: 'oakfield',
    name: 'Oakfield Primary',
    aliases: [],
    phase: 'primary',
    improvementDirectorId: 'aid',
    improvementBudgetPence: 0,
    ...base,
    supportStage: facts.supportStage ?? suggestStage(model, base).id,
  };
}

/** How many of each meeting kind the model asks of the academy in a year. */
function countByKind(model: ImprovementModel, a: Academy): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requiredMeetings(model, a)) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
}

const kind = (model: ImprovementModel, id: string) => model.meetingKinds.find((k) => k.id === id)!;

it('there are five presets, one per seed, and each parses with its defaults', () => {
  expect(presetIds().sort()).toEqual(['dsat', 'kga', 'schoolsworks', 'waterton', 'wpt']);
  expect(() => preset('nope')).toThrow(/No preset "nope"/);
});

it('a preset is a fresh copy each time, so a trust’s edits never leak into another trust', () => {
  const mine = preset('dsat');
  mine.meetingKinds[0]!.durationMinutes = 90;
  expect(preset('dsat').meetingKinds[0]!.durationMinutes).toBe(120);
});

describe('DSAT (seed 001)', () => {
  const dsat = preset('dsat');

  it('an RI school gets 3 AIMs and 3 iAIMs', () => {
    expect(countByKind(dsat, academy(dsat, { ofstedGrade: 'requires-improvement' }))).toEqual({ aim: 3, iaim: 3 });
  });

  it('a Good school gets AIMs only, unless it asks for iAIMs', () => {
    expect(countByKind(dsat, academy(dsat))).toEqual({ aim: 3 });
    expect(countByKind(dsat, academy(dsat, { requests: ['iaim'] }))).toEqual({ aim: 3, iaim: 3 });
    expect(countByKind(dsat, academy(dsat, { ofstedGrade: 'outstanding' }))).toEqual({ aim: 3 });
  });

  it('“less than good” by self-evaluation, or by the trust’s stage, brings iAIMs too', () => {
    expect(countByKind(dsat, academy(dsat, { selfEvaluatedGrade: 'requires-improvement' }))).toEqual({ aim: 3, iaim: 3 });
    expect(countByKind(dsat, academy(dsat, { supportStage: 'below-good' }))).toEqual({ aim: 3, iaim: 3 });
    expect(suggestStage(dsat, { ofstedGrade: 'inadequate', inOfstedWindow: false, sponsored: false, requests: [] }).id).toBe('below-good');
  });

  it('AIMs are one a term and iAIMs fall between them', () => {
    const reqs = requiredMeetings(dsat, academy(dsat, { ofstedGrade: 'requires-improvement' }));
    expect(reqs.map((r) => `${r.kind}@${r.slot.halfTerm}`)).toEqual(['aim@1', 'iaim@2', 'aim@3', 'iaim@4', 'aim@5', 'iaim@6']);
  });

  it('the AIM is chaired by the AID, about two hours, with a monitoring visit the day before and notes checked by the head and chair of LGB', () => {
    const aim = kind(dsat, 'aim');
    expect(aim).toMatchObject({
      chairRole: 'improvement-director',
      durationMinutes: 120,
      monitoringVisitDayBefore: true,
      notesApprovers: ['head', 'chair-lgb'],
      rotatesFocus: true,
      recordsJudgements: true,
    });
    expect(dsat.roleTitles['improvement-director']).toBe('Academy Improvement Director (AID)');
    expect(aim.attendees.map((a) => `${a.role}:${a.presence}`)).toEqual([
      'head:expected',
      'chair-lgb:expected',
      'headteacher-partner:expected',
      'governor:expected',
      'headteacher-consultant:where-appropriate',
    ]);
  });

  it('the AIM’s papers are all due one week before: agenda and previous report from the AID; head’s report, context and pupil data from the head', () => {
    const aim = kind(dsat, 'aim');
    expect(aim.papers.map((p) => [p.id, p.ownerRole, p.leadDays])).toEqual([
      ['agenda', 'improvement-director', 7],
      ['previous-aim-report', 'improvement-director', 7],
      ['heads-report', 'head', 7],
      ['context-data', 'head', 7],
      ['pupil-achievement-data', 'head', 7],
    ]);
  });

  it('the iAIM is chaired by the CEO, 2–3 hours, with a 30–60 minute learning walk led by the head', () => {
    const iaim = kind(dsat, 'iaim');
    expect(iaim).toMatchObject({ chairRole: 'ceo', learningWalk: { minMinutes: 30, maxMinutes: 60, ledBy: 'head' } });
    expect(iaim.durationMinutes).toBeGreaterThanOrEqual(120);
    expect(iaim.durationMinutes).toBeLessThanOrEqual(180);
    expect(iaim.attendees.map((a) => a.role)).toEqual(['head', 'headteacher-partner', 'chair-lgb', 'headteacher-consultant']);
  });

  it('six AID days a year include the three AIMs; development days are £350 each; below Good must budget', () => {
    expect(dsat.supportDays).toMatchObject({ coreAllowance: 6, developmentDayRatePence: 35000, belowGoodMustBudget: true });
    expect(kind(dsat, 'aim').supportDays * 3).toBeLessThanOrEqual(dsat.supportDays.coreAllowance);
  });
});

describe('Waterton (seed 000)', () => {
  const waterton = preset('waterton');

  it('at least four ASERs a year for every academy', () => {
    expect(countByKind(waterton, academy(waterton))).toEqual({ aser: 4 });
  });

  it('at least six for a sponsored academy, one in an Ofsted window, or one needing closer support', () => {
    expect(countByKind(waterton, academy(waterton, { sponsored: true, supportStage: 'standard' }))).toEqual({ aser: 6 });
    expect(countByKind(waterton, academy(waterton, { inOfstedWindow: true, supportStage: 'standard' }))).toEqual({ aser: 6 });
    expect(countByKind(waterton, academy(waterton, { supportStage: 'closer-support' }))).toEqual({ aser: 6 });
  });

  it('a Stabilise academy has six half-termly ASERs plus the extended mid-year review', () => {
    const a = academy(waterton, { ofstedGrade: 'inadequate' });
    expect(a.supportStage).toBe('stabilise');
    expect(countByKind(waterton, a)).toEqual({ aser: 6, 'aser-extended': 1 });
    const reqs = requiredMeetings(waterton, a);
    expect(reqs.filter((r) => r.kind === 'aser').map((r) => r.slot.halfTerm)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(reqs.filter((r) => r.kind === 'aser').every((r) => r.ruleId === 'aser-half-termly-stabilise')).toBe(true);
    expect(reqs.find((r) => r.kind === 'aser-extended')?.slot).toMatchObject({
      halfTerm: 3,
      purpose: 'Mid-year review of overall progress with the SI team',
    });
  });

  it('the first ASER is early in September’s half term and sets the risk band and the year’s KPIs', () => {
    for (const a of [academy(waterton), academy(waterton, { ofstedGrade: 'inadequate' }), academy(waterton, { sponsored: true })]) {
      const first = requiredMeetings(waterton, a)[0]!;
      expect(first).toMatchObject({
        kind: 'aser',
        occurrence: 1,
        slot: { halfTerm: 1, timing: 'early', purpose: 'Risk banding, and agreement of the year’s KPI targets' },
      });
    }
    expect(waterton.kpis.targetsAgreedAt).toBe('aser');
  });

  it('suggests Stabilise for Inadequate, closer support for sponsored, window or below Good, standard otherwise', () => {
    const s = (f: Partial<Academy>) =>
      suggestStage(waterton, { ofstedGrade: 'good', inOfstedWindow: false, sponsored: false, requests: [], ...f }).id;
    expect(s({ ofstedGrade: 'inadequate' })).toBe('stabilise');
    expect(s({ ofstedGrade: 'requires-improvement' })).toBe('closer-support');
    expect(s({ sponsored: true })).toBe('closer-support');
    expect(s({ inOfstedWindow: true })).toBe('closer-support');
    expect(s({})).toBe('standard');
  });

  it('five summative data points a year, and the four-step escalation ladder in order', () => {
    expect(waterton.kpis.dataPoints.map((d) => d.number)).toEqual([1, 2, 3, 4, 5]);
    expect(waterton.escalation.steps.map((s) => s.id)).toEqual(['own-capacity', 'trust-support', 'formal-action-plan', 'change-of-status']);
  });
});

describe('WPT (seed 002)', () => {
  const wpt = preset('wpt');
  const s = (grade: Academy['ofstedGrade']) =>
    suggestStage(wpt, { ofstedGrade: grade, inOfstedWindow: false, sponsored: false, requests: [] }).id;

  it('suggests the route by Ofsted grade: inadequate → intensive, RI → capacity building, good or better → sustain and share', () => {
    expect(s('inadequate')).toBe('intensive');
    expect(s('requires-improvement')).toBe('capacity-building');
    expect(s('good')).toBe('sustain-and-share');
    expect(s('outstanding')).toBe('sustain-and-share');
  });

  it('each route has its own meetings: intensive most, sustain and share fewest, a peer review for all', () => {
    expect(countByKind(wpt, academy(wpt, { ofstedGrade: 'inadequate' }))).toEqual({
      'governance-review': 1,
      'progress-review': 6,
      'peer-review': 1,
    });
    expect(countByKind(wpt, academy(wpt, { ofstedGrade: 'requires-improvement' }))).toEqual({ 'progress-review': 3, 'peer-review': 1 });
    expect(countByKind(wpt, academy(wpt, { ofstedGrade: 'outstanding' }))).toEqual({ 'progress-review': 2, 'peer-review': 1 });
  });

  it('intensive support reviews governance with the CEO in the chair', () => {
    expect(kind(wpt, 'governance-review').chairRole).toBe('ceo');
  });
});

describe('Schoolsworks (seed 003)', () => {
  const sw = preset('schoolsworks');

  it('a trust inspection once a year for Good or Outstanding, twice a year for RI', () => {
    expect(countByKind(sw, academy(sw))['trust-inspection']).toBe(1);
    expect(countByKind(sw, academy(sw, { ofstedGrade: 'outstanding' }))['trust-inspection']).toBe(1);
    expect(countByKind(sw, academy(sw, { ofstedGrade: 'requires-improvement' }))['trust-inspection']).toBe(2);
  });

  it('termly performance reviews with every head and a whole-day end-of-year review', () => {
    expect(countByKind(sw, academy(sw))).toMatchObject({ 'performance-review': 3, 'end-of-year-review': 1 });
    expect(
      requiredMeetings(sw, academy(sw))
        .filter((r) => r.kind === 'performance-review')
        .map((r) => r.slot.halfTerm),
    ).toEqual([1, 3, 5]);
    expect(kind(sw, 'end-of-year-review').durationMinutes).toBeGreaterThanOrEqual(6 * 60);
    expect(requiredMeetings(sw, academy(sw)).find((r) => r.kind === 'end-of-year-review')?.slot.halfTerm).toBe(6);
  });

  it('four kinds of intervention: in-school, school-to-school, direct trust, external; half-termly predictions', () => {
    expect(sw.interventionKinds.map((k) => k.id)).toEqual(['in-school', 'school-to-school', 'direct-trust', 'external']);
    expect(sw.kpis.dataPoints.map((d) => d.halfTerm)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('KGA (seed 004)', () => {
  const kga = preset('kga');
  const qaDays = (a: Academy) => requiredMeetings(kga, a).filter((r) => r.kind === 'qa-review');

  it('three core QA days, one a term, by default', () => {
    const qa = qaDays(academy(kga));
    expect(qa.map((r) => [r.slot.halfTerm, r.days])).toEqual([
      [1, 1],
      [3, 1],
      [5, 1],
    ]);
  });

  it('a school that asks for it gets a 2-day review and a follow-up day instead: still three days', () => {
    const qa = qaDays(academy(kga, { requests: ['qa-two-day'] }));
    expect(qa.map((r) => [r.slot.halfTerm, r.days, r.slot.purpose])).toEqual([
      [2, 2, '2-day QA review'],
      [4, 1, 'Follow-up day'],
    ]);
    expect(qa.reduce((n, r) => n + r.days, 0)).toBe(3);
  });

  it('three optional days chosen from a six-item menu', () => {
    expect(kga.supportDays.coreAllowance).toBe(3);
    expect(kga.supportDays.optionalAllowance).toBe(3);
    expect(kga.supportDays.optionalMenu).toHaveLength(6);
    expect(kga.supportDays.optionalMenu[0]).toMatch(/^Pupil Premium/);
  });

  it('feedback under What went well / Even better if / Area of excellence, on the monitoring form’s four judgement areas', () => {
    expect(kga.monitoringForm.feedbackHeadings).toEqual({
      strengths: 'What went well',
      development: 'Even better if',
      excellence: 'Area of excellence',
    });
    expect(kga.monitoringForm.activities).toEqual(['Lesson observation', 'Work analysis', 'Discussion', 'Other']);
    expect(kga.monitoringForm.judgementAreas.map((a) => a.id)).toEqual([
      'teaching-learning-assessment',
      'personal-development-behaviour-welfare',
      'leadership-and-management',
      'outcomes',
    ]);
    expect(kga.kpis.benchmark).toMatch(/80th percentile/);
  });
});
