import { belowGoodReasons, isAcademyBelowGood } from './academy';
import {
  inspectionHistory,
  inspectionView,
  latestGrade,
  latestInspection,
  recordInspection,
  reportCardRag,
  reportCardSummary,
  ruleInWords,
  ruleMatch,
  matchInWords,
  type ReportCardInspection,
} from './inspections';
import { makeAcademy, okOf } from './test-factories';

const allExpected = {
  inclusion: 'expected-standard',
  'curriculum-and-teaching': 'expected-standard',
  achievement: 'expected-standard',
  'attendance-and-behaviour': 'expected-standard',
  'personal-development-and-wellbeing': 'expected-standard',
  'leadership-and-governance': 'expected-standard',
} as const;
const card = (
  date: string,
  areas: Partial<ReportCardInspection['areas']> = {},
  safeguarding: 'met' | 'not-met' = 'met',
): ReportCardInspection => ({ kind: 'report-card', date, areas: { ...allExpected, ...areas }, safeguarding });
const by = { personId: 'admin', at: '2026-11-23T10:00:00.000Z', today: '2026-11-23' };

describe('an academy’s inspection history', () => {
  it('holds the legacy grade of an older record beside its report cards, oldest first, and reads the newest', () => {
    const a = makeAcademy({
      ofstedGrade: 'requires-improvement',
      ofstedDate: '2024-10-01',
      inspections: [card('2026-01-21', { inclusion: 'needs-attention' })],
    });
    expect(inspectionHistory(a).map((i) => [i.kind, i.date])).toEqual([
      ['grade', '2024-10-01'],
      ['report-card', '2026-01-21'],
    ]);
    expect(latestInspection(a)?.kind).toBe('report-card');
    // The seeds' "ofstedGrades" conditions stop matching once a report card is the latest.
    expect(latestGrade(a)).toBeUndefined();
    expect(latestGrade(makeAcademy({ ofstedGrade: 'not-inspected', ofstedDate: undefined }))).toBe('not-inspected');
  });

  it('does not count a legacy grade twice when it is also in the list', () => {
    const a = makeAcademy({
      ofstedGrade: 'good',
      ofstedDate: '2023-03-15',
      inspections: [{ kind: 'grade', grade: 'good', date: '2023-03-15' }],
    });
    expect(inspectionHistory(a)).toHaveLength(1);
  });
});

describe('recordInspection', () => {
  const oak = makeAcademy({ ofstedGrade: 'good', ofstedDate: '2023-03-15' });

  it('adds a report card to the history, keeping the last single-word grade in the legacy fields', () => {
    const r = okOf(
      recordInspection(
        oak,
        { kind: 'report-card', date: '2026-10-07', areas: { ...allExpected, 'early-years': 'strong-standard' }, safeguarding: 'met' },
        by,
      ),
    );
    expect(r.academy.inspections?.map((i) => i.kind)).toEqual(['grade', 'report-card']);
    expect(r.academy).toMatchObject({ ofstedGrade: 'good', ofstedDate: '2023-03-15' });
    expect(r.inspection).toMatchObject({ recordedBy: 'admin', recordedAt: by.at });
  });

  it('moves the legacy fields when a newer single-word grade is recorded', () => {
    const r = okOf(recordInspection(oak, { kind: 'grade', grade: 'outstanding', date: '2025-06-11' }, by));
    expect(r.academy).toMatchObject({ ofstedGrade: 'outstanding', ofstedDate: '2025-06-11' });
  });

  it.each([
    ['a date after today', { kind: 'grade' as const, grade: 'good' as const, date: '2026-12-01' }, 'INSPECTION.IN_THE_FUTURE'],
    [
      'a single-word grade under the renewed framework',
      { kind: 'grade' as const, grade: 'good' as const, date: '2025-11-10' },
      'INSPECTION.GRADE_UNDER_RENEWED_FRAMEWORK',
    ],
    [
      'a report card before the renewed framework',
      { ...card('2025-11-07'), kind: 'report-card' as const },
      'INSPECTION.REPORT_CARD_BEFORE_FRAMEWORK',
    ],
    [
      'a second inspection on a day already recorded',
      { kind: 'grade' as const, grade: 'good' as const, date: '2023-03-15' },
      'INSPECTION.ALREADY_RECORDED',
    ],
    [
      'a sixth-form grade for a primary school',
      { ...card('2026-10-07', { 'sixth-form': 'expected-standard' }) },
      'INSPECTION.NO_SIXTH_FORM',
    ],
  ])('refuses %s', (_what, input, code) => {
    expect(recordInspection(oak, input, by)).toMatchObject({ ok: false, code });
  });

  it('says why it refuses a grade after 10 November 2025', () => {
    expect(recordInspection(oak, { kind: 'grade', grade: 'good', date: '2026-01-14' }, by)).toEqual({
      ok: false,
      code: 'INSPECTION.GRADE_UNDER_RENEWED_FRAMEWORK',
      message:
        'Ofsted has given report cards, not single-word grades, since 10 November 2025: record the report card for 14 January 2026 instead.',
    });
  });
});

describe('reading a report card', () => {
  const attention = card('2026-03-04', { achievement: 'needs-attention', 'leadership-and-governance': 'needs-attention' });

  it('says what made a trust’s reading hold, area by area', () => {
    const m = ruleMatch({ anyAreaAtOrBelow: 'needs-attention', safeguardingNotMet: true }, attention)!;
    expect(matchInWords(m)).toBe('achievement and leadership and governance at needs attention');
    expect(
      ruleMatch({ anyAreaAtOrBelow: 'needs-attention', inAreas: ['inclusion'], safeguardingNotMet: false }, attention),
    ).toBeUndefined();
    expect(
      matchInWords(
        ruleMatch(
          { anyAreaAtOrBelow: 'needs-attention', safeguardingNotMet: true },
          card('2026-03-04', { inclusion: 'urgent-improvement' }, 'not-met'),
        )!,
      ),
    ).toBe('inclusion at urgent improvement, and safeguarding not met');
    expect(ruleInWords({ anyAreaAtOrBelow: 'needs-attention', safeguardingNotMet: true })).toBe(
      'any area at needs attention or below, or safeguarding not met',
    );
  });

  it('is below Good, by default, for an area at needs attention or safeguarding not met, but not for one at the expected standard', () => {
    expect(belowGoodReasons(makeAcademy({ inspections: [attention] }))).toEqual([
      'its report card of 4 March 2026 has achievement and leadership and governance at needs attention',
    ]);
    expect(isAcademyBelowGood(makeAcademy({ inspections: [card('2026-03-04', {}, 'not-met')] }))).toBe(true);
    expect(isAcademyBelowGood(makeAcademy({ ofstedGrade: 'requires-improvement', inspections: [card('2026-03-04')] }))).toBe(false);
    // A trust that reads "below Good" as urgent improvement only.
    expect(
      isAcademyBelowGood(makeAcademy({ inspections: [attention] }), { anyAreaAtOrBelow: 'urgent-improvement', safeguardingNotMet: true }),
    ).toBe(false);
  });

  it('summarises a card and shows every area in words with a tone, and the monitoring it brings', () => {
    expect(reportCardSummary(card('2026-05-13', { inclusion: 'strong-standard' }))).toBe(
      'Report card: all areas at the expected standard or better; safeguarding met',
    );
    expect(reportCardSummary(card('2026-05-13', { inclusion: 'urgent-improvement', achievement: 'needs-attention' }, 'not-met'))).toBe(
      'Report card: 1 area at urgent improvement and 1 area at needs attention; safeguarding not met',
    );
    const view = inspectionView(attention);
    expect(view.kind === 'report-card' && view.areas.find((a) => a.area === 'achievement')).toEqual({
      area: 'achievement',
      label: 'Achievement',
      grade: 'needs-attention',
      gradeLabel: 'Needs attention',
      tone: 'warning',
    });
    expect(view).toMatchObject({
      safeguarding: { value: 'met', label: 'Met', tone: 'success' },
      monitoring: 'Ofsted monitoring inspections are expected: achievement and leadership and governance at needs attention',
    });
    expect(inspectionView(card('2026-05-13'))).not.toHaveProperty('monitoring');
  });

  it('is red for urgent improvement or safeguarding not met, amber below the trust’s reading, nothing otherwise', () => {
    expect(reportCardRag(card('2026-05-13', {}, 'not-met'))).toEqual({ level: 'red', text: 'Ofsted report card: safeguarding not met' });
    expect(reportCardRag(attention)?.level).toBe('amber');
    expect(reportCardRag(card('2026-05-13', { achievement: 'strong-standard' }))).toBeUndefined();
  });
});
