import type { Academy } from '../../core/domain/academy';
import { cadenceReasons, requiredMeetings, suggestStage } from '../../core/domain/cadence';
import type { Inspection, ReportCardInspection } from '../../core/domain/inspections';
import { PRESETS, preset } from '../../core/domain/models/presets';
import { makeAcademy } from '../../core/domain/test-factories';

/**
 * Issue 17, "Done when": inspection histories that mix single-word grades and report cards, and the
 * cadence each preset gives each academy, with the reason the bot and the tab give for it.
 */
const expected = {
  inclusion: 'expected-standard',
  'curriculum-and-teaching': 'expected-standard',
  achievement: 'expected-standard',
  'attendance-and-behaviour': 'expected-standard',
  'personal-development-and-wellbeing': 'expected-standard',
  'leadership-and-governance': 'expected-standard',
} as const;
const card = (
  date: string,
  areas: Partial<ReportCardInspection['areas']>,
  safeguarding: 'met' | 'not-met' = 'met',
): ReportCardInspection => ({ kind: 'report-card', date, areas: { ...expected, ...areas }, safeguarding });

/** Six histories: old grades only, and old grades followed by report cards of different shapes. */
const HISTORIES: Record<string, Partial<Academy> & { inspections?: Inspection[] }> = {
  'good-legacy': { ofstedGrade: 'good', ofstedDate: '2023-03-15' },
  'ri-then-needs-attention': {
    ofstedGrade: 'requires-improvement',
    ofstedDate: '2025-01-22',
    inspections: [card('2026-03-04', { 'leadership-and-governance': 'needs-attention' })],
  },
  'ri-then-all-expected': {
    ofstedGrade: 'requires-improvement',
    ofstedDate: '2024-10-01',
    inspections: [card('2026-01-21', { inclusion: 'strong-standard' })],
  },
  'outstanding-then-safeguarding-not-met': {
    ofstedGrade: 'outstanding',
    ofstedDate: '2014-03-05',
    inspections: [card('2026-06-10', { 'curriculum-and-teaching': 'strong-standard' }, 'not-met')],
  },
  'inadequate-legacy': { ofstedGrade: 'inadequate', ofstedDate: '2025-05-08' },
  'good-then-urgent-improvement': {
    ofstedGrade: 'good',
    ofstedDate: '2021-11-10',
    inspections: [card('2026-02-11', { achievement: 'urgent-improvement' })],
  },
};

function academyFor(modelId: string, history: string): Academy & { id: string } {
  const model = PRESETS[modelId]!;
  const facts = makeAcademy({ id: history, ...HISTORIES[history] });
  return { ...facts, supportStage: suggestStage(model, facts).id };
}

function countsFor(modelId: string, history: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requiredMeetings(PRESETS[modelId]!, academyFor(modelId, history))) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
}

const because = (modelId: string, history: string, kind: string) =>
  cadenceReasons(PRESETS[modelId]!, academyFor(modelId, history)).find((c) => c.meetingKind === kind)?.text;

describe('the cadence each preset gives, for histories that mix old grades and report cards', () => {
  it.each([
    // history, DSAT, Waterton, WPT, Schoolsworks trust inspections
    ['good-legacy', { aim: 3 }, { aser: 4 }, { 'progress-review': 2, 'peer-review': 1 }, 1],
    ['ri-then-needs-attention', { aim: 3, iaim: 3 }, { aser: 6 }, { 'progress-review': 3, 'peer-review': 1 }, 2],
    ['ri-then-all-expected', { aim: 3 }, { aser: 4 }, { 'progress-review': 2, 'peer-review': 1 }, 1],
    [
      'outstanding-then-safeguarding-not-met',
      { aim: 3, iaim: 3 },
      { aser: 6, 'aser-extended': 1 },
      { 'progress-review': 6, 'governance-review': 1, 'peer-review': 1 },
      2,
    ],
    [
      'inadequate-legacy',
      { aim: 3, iaim: 3 },
      { aser: 6, 'aser-extended': 1 },
      { 'progress-review': 6, 'governance-review': 1, 'peer-review': 1 },
      2,
    ],
    [
      'good-then-urgent-improvement',
      { aim: 3, iaim: 3 },
      { aser: 6, 'aser-extended': 1 },
      { 'progress-review': 6, 'governance-review': 1, 'peer-review': 1 },
      2,
    ],
  ])('%s', (history, dsat, waterton, wpt, inspections) => {
    expect(countsFor('dsat', history)).toEqual(dsat);
    expect(countsFor('waterton', history)).toEqual(waterton);
    expect(countsFor('wpt', history)).toEqual(wpt);
    expect(countsFor('schoolsworks', history)['trust-inspection']).toBe(inspections);
    // KGA's core offer is the same "whatever its Ofsted status".
    expect(countsFor('kga', history)).toEqual({ 'priorities-meeting': 1, 'qa-review': 3 });
  });

  it('reads the latest inspection: an RI school whose report card has every area at the expected standard is Good or better', () => {
    expect(academyFor('dsat', 'ri-then-all-expected').supportStage).toBe('good-or-better');
    expect(academyFor('wpt', 'ri-then-all-expected').supportStage).toBe('sustain-and-share');
    expect(academyFor('schoolsworks', 'ri-then-all-expected').supportStage).toBe('good-or-outstanding');
  });
});

describe('why each academy gets its cadence', () => {
  it('DSAT: iAIMs because of the report card, the old grade, or a request', () => {
    expect(because('dsat', 'ri-then-needs-attention', 'iaim')).toBe(
      '3 iAIMs a year because its report card of 4 March 2026 has leadership and governance at needs attention',
    );
    expect(because('dsat', 'outstanding-then-safeguarding-not-met', 'iaim')).toBe(
      '3 iAIMs a year because its report card of 10 June 2026 has safeguarding not met',
    );
    expect(because('dsat', 'inadequate-legacy', 'iaim')).toBe('3 iAIMs a year because its last inspection (8 May 2025) was Inadequate');
    const asked = { ...academyFor('dsat', 'good-legacy'), requests: ['iaim'] };
    expect(cadenceReasons(preset('dsat'), asked).find((c) => c.meetingKind === 'iaim')?.text).toBe(
      '3 iAIMs a year because it asked for iAIMs',
    );
    expect(because('dsat', 'good-legacy', 'aim')).toBe('3 AIMs a year: an AIM each term for every academy');
    expect(because('dsat', 'ri-then-all-expected', 'iaim')).toBeUndefined();
  });

  it('WPT: the route the trust set, and the report card that suggested it', () => {
    expect(because('wpt', 'ri-then-needs-attention', 'progress-review')).toBe(
      '3 improvement plan progress reviews a year because the trust has put it in the “Capacity building” stage (suggested because its report card of 4 March 2026 has leadership and governance at needs attention)',
    );
    expect(because('wpt', 'good-then-urgent-improvement', 'governance-review')).toBe(
      '1 governance review a year because the trust has put it in the “Intensive support” stage (suggested because its report card of 11 February 2026 has achievement at urgent improvement)',
    );
  });

  it('Schoolsworks: twice-yearly trust inspections because of the report card, or an annual one for every school', () => {
    expect(because('schoolsworks', 'ri-then-needs-attention', 'trust-inspection')).toBe(
      '2 trust inspections a year because its report card of 4 March 2026 has leadership and governance at needs attention',
    );
    expect(because('schoolsworks', 'ri-then-all-expected', 'trust-inspection')).toBe(
      '1 trust inspection a year: a trust inspection each year (Good or Outstanding)',
    );
  });

  it('Waterton: closer support below Good, Stabilise for safeguarding not met', () => {
    expect(because('waterton', 'ri-then-needs-attention', 'aser')).toBe(
      '6 ASERs a year because the trust has put it in the “Closer support” stage (suggested because its report card of 4 March 2026 has leadership and governance at needs attention)',
    );
    expect(because('waterton', 'outstanding-then-safeguarding-not-met', 'aser')).toBe(
      '6 ASERs a year because the trust has put it in the “Stabilise” stage (suggested because its report card of 10 June 2026 has safeguarding not met)',
    );
  });

  it('follows the trust’s own reading: a model that counts only urgent improvement as below Good gives no iAIMs for needs attention', () => {
    const strict = preset('dsat');
    strict.reportCards.belowGood = { anyAreaAtOrBelow: 'urgent-improvement', safeguardingNotMet: true };
    const a = makeAcademy({ id: 'x', ...HISTORIES['ri-then-needs-attention'] });
    expect(requiredMeetings(strict, { ...a, supportStage: suggestStage(strict, a).id }).map((r) => r.kind)).not.toContain('iaim');
  });
});
