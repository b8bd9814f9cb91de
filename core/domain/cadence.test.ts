import type { Academy } from './academy';
import { appliesTo, requiredMeetings, rulesFor, suggestStage } from './cadence';
import { improvementModelSchema, type ImprovementModel } from './models/improvement-model.schema';
import { DSAT_PRESET } from './models/presets/dsat';
import { preset } from './models/presets';

const facts = (f: Partial<Academy> = {}) => ({
  ofstedGrade: 'good' as const,
  inOfstedWindow: false,
  sponsored: false,
  requests: [] as string[],
  supportStage: 'standard',
  ...f,
});

describe('when a cadence rule applies', () => {
  it('no condition means every academy', () => {
    expect(appliesTo(undefined, facts())).toBe(true);
  });

  it('any one of the conditions is enough; every facet of a condition must hold', () => {
    const when = { anyOf: [{ ofstedGrades: ['requires-improvement' as const], sponsored: true }, { requested: 'iaim' }] };
    expect(appliesTo(when, facts({ ofstedGrade: 'requires-improvement' }))).toBe(false); // RI but not sponsored
    expect(appliesTo(when, facts({ ofstedGrade: 'requires-improvement', sponsored: true }))).toBe(true);
    expect(appliesTo(when, facts({ requests: ['iaim'] }))).toBe(true);
  });

  it('“below Good” follows the inspection grade or the school’s own self-evaluation; not yet inspected is not below Good', () => {
    const when = { anyOf: [{ belowGood: true }] };
    expect(appliesTo(when, facts({ ofstedGrade: 'inadequate' }))).toBe(true);
    expect(appliesTo(when, facts({ selfEvaluatedGrade: 'requires-improvement' }))).toBe(true);
    expect(appliesTo(when, facts({ ofstedGrade: 'not-inspected' }))).toBe(false);
  });

  it('“not requested” holds until the academy asks', () => {
    const when = { anyOf: [{ notRequested: 'qa-two-day' }] };
    expect(appliesTo(when, facts())).toBe(true);
    expect(appliesTo(when, facts({ requests: ['qa-two-day'] }))).toBe(false);
  });
});

describe('choosing the rules for an academy', () => {
  const waterton = preset('waterton');
  const kga = preset('kga');

  it('the most demanding rule for a meeting kind wins: at least six beats at least four', () => {
    expect(rulesFor(waterton, facts({ sponsored: true })).map((r) => r.id)).toEqual(['aser-at-least-six']);
    expect(rulesFor(waterton, facts()).map((r) => r.id)).toEqual(['aser-at-least-four']);
  });

  it('between equally demanding rules, the one the model lists first: a sponsored Stabilise academy keeps its half-termly rule', () => {
    expect(rulesFor(waterton, facts({ sponsored: true, supportStage: 'stabilise' })).map((r) => r.id)).toEqual([
      'aser-half-termly-stabilise',
      'aser-extended-mid-year',
    ]);
  });

  it('a rule that applies replaces the rules it names, even ones with more meetings (KGA: the 2-day review replaces a day a term)', () => {
    expect(rulesFor(kga, facts({ supportStage: 'core-offer', requests: ['qa-two-day'] })).map((r) => r.id)).toEqual([
      'priorities-autumn',
      'qa-two-day-review',
    ]);
  });

  it('numbers each kind’s meetings through the year and lists them in half-term order', () => {
    const reqs = requiredMeetings(waterton, { ...facts({ supportStage: 'stabilise' }), id: 'mill-dam' });
    expect(reqs.map((r) => `${r.kind}#${r.occurrence}@${r.slot.halfTerm}`)).toEqual([
      'aser#1@1',
      'aser#2@2',
      'aser#3@3',
      'aser-extended#1@3',
      'aser#4@4',
      'aser#5@5',
      'aser#6@6',
    ]);
    expect(reqs.every((r) => r.academyId === 'mill-dam' && r.days === 1)).toBe(true);
  });
});

describe('suggesting a stage', () => {
  it('the first stage whose condition holds, else the stage with no condition', () => {
    const dsat = preset('dsat');
    expect(suggestStage(dsat, facts({ ofstedGrade: 'requires-improvement' })).id).toBe('below-good');
    expect(suggestStage(dsat, facts()).id).toBe('good-or-better');
  });

  it('falls back to the last stage when every stage has a condition', () => {
    const input = structuredClone(DSAT_PRESET);
    input.stages = [
      { id: 'below-good', label: 'Not yet Good', suggestWhen: { anyOf: [{ belowGood: true }] } },
      { id: 'good-or-better', label: 'Good or better', suggestWhen: { anyOf: [{ ofstedGrades: ['good', 'outstanding'] }] } },
    ];
    const model: ImprovementModel = improvementModelSchema.parse(input);
    expect(suggestStage(model, facts({ ofstedGrade: 'not-inspected' })).id).toBe('good-or-better');
  });
});
