import type { ImprovementModelInput } from './improvement-model.schema';
import { checkImprovementModel } from './parse-model';
import { DSAT_PRESET } from './presets/dsat';
import { KGA_PRESET } from './presets/kga';
import { SCHOOLSWORKS_PRESET } from './presets/schoolsworks';
import { WATERTON_PRESET } from './presets/waterton';
import { WPT_PRESET } from './presets/wpt';

/** The raw input, loosely typed so a test can reach in and break one field. */
type Editable = Record<string, any>;

/** DSAT's model with one edit, as a trust administrator might make it. */
const edited = (edit: (m: Editable) => void): unknown => {
  const m = structuredClone(DSAT_PRESET) as Editable;
  edit(m);
  return m;
};
const problems = (input: unknown) => {
  const r = checkImprovementModel(input);
  return r.ok ? [] : r.problems;
};
const fieldsOf = (input: unknown) => problems(input).map((p) => p.field);

describe('checking a trust’s improvement model', () => {
  it.each([
    ['DSAT', DSAT_PRESET],
    ['Waterton', WATERTON_PRESET],
    ['WPT', WPT_PRESET],
    ['Schoolsworks', SCHOOLSWORKS_PRESET],
    ['KGA', KGA_PRESET],
  ] as [string, ImprovementModelInput][])('accepts the %s preset as written', (_name, input) => {
    const r = checkImprovementModel(input);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('fills in defaults a trust left out (a meeting kind’s start time, one day long, no monitoring visit)', () => {
    const r = checkImprovementModel(WATERTON_PRESET);
    if (!r.ok) throw new Error('expected Waterton to parse');
    const aser = r.model.meetingKinds.find((k) => k.id === 'aser')!;
    expect(aser).toMatchObject({ startTime: '09:30', days: 1, monitoringVisitDayBefore: false });
  });

  it('refuses a cadence rule naming an unknown meeting kind, at cadence.0.meetingKind', () => {
    const p = problems(edited((m) => (m.cadence[0].meetingKind = 'aim-typo')));
    expect(p).toEqual([{ field: 'cadence.0.meetingKind', message: 'no meeting kind "aim-typo"; known: aim, iaim' }]);
  });

  it('refuses a negative lead time for a paper, naming the paper’s field', () => {
    expect(fieldsOf(edited((m) => (m.meetingKinds[0].papers[2].leadDays = -7)))).toEqual(['meetingKinds.0.papers.2.leadDays']);
  });

  it('refuses duplicate ids: meeting kinds, stages, cadence rules and papers', () => {
    expect(problems(edited((m) => (m.meetingKinds[1].id = 'aim')))).toEqual(
      expect.arrayContaining([{ field: 'meetingKinds.1.id', message: 'meeting kind "aim" appears twice' }]),
    );
    expect(fieldsOf(edited((m) => (m.stages[1].id = 'below-good')))).toEqual(['stages.1.id']);
    expect(fieldsOf(edited((m) => (m.cadence[1].id = 'aim-termly')))).toEqual(['cadence.1.id']);
    expect(fieldsOf(edited((m) => (m.meetingKinds[0].papers[1].id = 'agenda')))).toEqual(['meetingKinds.0.papers.1.id']);
  });

  it('refuses an unknown stage in a condition, in a cadence rule or a stage suggestion', () => {
    expect(problems(edited((m) => (m.cadence[1].when.anyOf[1].stages = ['below-gud'])))).toEqual([
      { field: 'cadence.1.when.anyOf.1.stages.0', message: 'no stage "below-gud"; known: below-good, good-or-better' },
    ]);
    expect(fieldsOf(edited((m) => (m.stages[0].suggestWhen = { anyOf: [{ stages: ['stabilise'] }] })))).toEqual([
      'stages.0.suggestWhen.anyOf.0.stages.0',
    ]);
  });

  it('refuses a rule that replaces an unknown rule, or itself', () => {
    expect(fieldsOf(edited((m) => (m.cadence[1].replaces = ['aim-weekly'])))).toEqual(['cadence.1.replaces.0']);
    expect(problems(edited((m) => (m.cadence[1].replaces = ['iaim-below-good-or-requested'])))).toEqual([
      { field: 'cadence.1.replaces.0', message: 'a cadence rule cannot replace itself' },
    ]);
  });

  it('refuses a condition with a facet the schema does not know', () => {
    expect(fieldsOf(edited((m) => (m.cadence[1].when.anyOf[0] = { belowGood: true, grade: 'ri' })))).toEqual(['cadence.1.when.anyOf.0']);
  });

  it('refuses a learning walk whose longest is shorter than its shortest, and a start time that is not HH:MM', () => {
    expect(fieldsOf(edited((m) => (m.meetingKinds[1].learningWalk = { minMinutes: 60, maxMinutes: 30, ledBy: 'head' })))).toEqual([
      'meetingKinds.1.learningWalk.maxMinutes',
    ]);
    expect(fieldsOf(edited((m) => (m.meetingKinds[0].startTime = '9.30am')))).toEqual(['meetingKinds.0.startTime']);
  });

  it('refuses a slot outside half terms 1–6 and a rule with no slots', () => {
    expect(fieldsOf(edited((m) => (m.cadence[0].slots[2].halfTerm = 7)))).toEqual(['cadence.0.slots.2.halfTerm']);
    expect(fieldsOf(edited((m) => (m.cadence[0].slots = [])))).toEqual(['cadence.0.slots']);
  });

  it('refuses KPI targets agreed at a meeting kind the model does not have', () => {
    expect(fieldsOf(edited((m) => (m.kpis.targetsAgreedAt = 'aser')))).toEqual(['kpis.targetsAgreedAt']);
  });

  it('refuses two data points with the same number, and duplicate inspection areas', () => {
    expect(fieldsOf(edited((m) => (m.kpis.dataPoints[1].number = 1)))).toEqual(['kpis.dataPoints.1.number']);
    expect(fieldsOf(edited((m) => (m.inspectionAreas[3].id = 'achievement')))).toEqual(['inspectionAreas.3.id']);
  });

  it('lists every problem at once, each with its field', () => {
    const p = problems(
      edited((m) => {
        m.cadence[0].meetingKind = 'nope';
        m.meetingKinds[0].papers[0].leadDays = -1;
        m.supportDays.developmentDayRatePence = 350.5;
      }),
    );
    // zod stops before the cross-field checks when a field itself is wrong: those two come first, the rest on the next save.
    expect(p.map((x) => x.field).sort()).toEqual(['meetingKinds.0.papers.0.leadDays', 'supportDays.developmentDayRatePence']);
  });
});
