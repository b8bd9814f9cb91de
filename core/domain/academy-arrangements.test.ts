import { arrangementChanges, describePlan, matchRequest, requestOptions } from './academy-arrangements';
import { agreedSlots } from './agreed-meetings';
import { cadenceReasons, requiredMeetings } from './cadence';
import { preset } from './models/presets';
import { calendar, makeAcademy, makePeople } from './test-factories';
import { planYear } from './year-planner';
import { asMeetings } from './year-planner.fixtures';

const dsat = preset('dsat');
const kga = preset('kga');
const kinds = (a: ReturnType<typeof makeAcademy>, model = dsat) => requiredMeetings(model, a).map((r) => `${r.kind}@${r.slot.halfTerm}`);

describe('what an academy may ask for', () => {
  it('is iAIMs at DSAT and the 2-day QA review at KGA, read from the model’s own rules', () => {
    expect(requestOptions(dsat)).toEqual([{ id: 'iaim', label: 'iAIMs' }]);
    expect(requestOptions(kga).map((o) => o.id)).toEqual(['qa-two-day']);
    expect(requestOptions(kga)[0]!.label).toMatch(/2-day review/);
  });

  it('is read from a spreadsheet as the trust writes it, and anything else is not matched', () => {
    expect(matchRequest(dsat, 'iAIMs')?.id).toBe('iaim');
    expect(matchRequest(dsat, ' IAIM ')?.id).toBe('iaim');
    expect(matchRequest(kga, 'qa two day')?.id).toBe('qa-two-day');
    expect(matchRequest(dsat, 'extra coffee')).toBeUndefined();
  });
});

describe('meetings agreed with the academy', () => {
  it('two AIMs instead of three keep the autumn and summer ones', () => {
    expect(kinds(makeAcademy({ agreedMeetings: { aim: 2 } }))).toEqual(['aim@1', 'aim@5']);
  });

  it('more than the model gives are added in half terms that have none, spread out', () => {
    const slots = agreedSlots(
      [
        { halfTerm: 1, timing: 'any' },
        { halfTerm: 3, timing: 'any' },
        { halfTerm: 5, timing: 'any' },
      ],
      5,
    );
    expect(slots.map((s) => s.halfTerm)).toEqual([1, 2, 3, 4, 5]);
    expect(kinds(makeAcademy({ agreedMeetings: { aim: 4 } })).filter((k) => k.startsWith('aim'))).toHaveLength(4);
  });

  it('may give a Good school iAIMs no rule gives it, and 0 takes a kind away', () => {
    expect(kinds(makeAcademy({ agreedMeetings: { iaim: 1 } }))).toEqual(['aim@1', 'iaim@2', 'aim@3', 'aim@5']);
    expect(kinds(makeAcademy({ ofstedGrade: 'requires-improvement', agreedMeetings: { iaim: 0 } }))).toEqual(['aim@1', 'aim@3', 'aim@5']);
  });

  it('says why: agreed with the academy, instead of the model’s number', () => {
    const [aims] = cadenceReasons(dsat, makeAcademy({ agreedMeetings: { aim: 2 } }));
    expect(aims!.text).toBe('2 AIMs a year, agreed with the academy: 2 a year instead of 3');
    const [req] = requiredMeetings(dsat, makeAcademy({ agreedMeetings: { aim: 2 } }));
    expect(req!.reason).toMatch(/agreed with the academy: 2 a year instead of 3$/);
  });
});

describe('arrangementChanges', () => {
  it('says each change in a sentence', () => {
    const before = makeAcademy();
    const after = makeAcademy({
      requests: ['iaim'],
      agreedMeetings: { aim: 2 },
      selfEvaluatedGrade: 'good',
      selfEvaluatedOn: '2026-10-05',
    });
    expect(arrangementChanges(dsat, before, after)).toEqual([
      'Asked for iAIMs',
      '2 AIMs a year agreed',
      'Self-evaluated as Good on Monday 5 October 2026',
    ]);
    expect(arrangementChanges(dsat, after, before)).toEqual([
      'No longer asking for iAIMs',
      'AIMs back to the model’s number',
      'Self-evaluated grade cleared',
    ]);
  });
});

describe('describePlan', () => {
  it('a Good school asking for iAIMs gains three, on school days, each said with its date', () => {
    const people = makePeople();
    const good = makeAcademy();
    const year = planYear({ model: dsat, calendar, academicYear: '2026/27', academies: [good], people });
    const existing = asMeetings(year.create);
    const plan = planYear({
      model: dsat,
      calendar,
      academicYear: '2026/27',
      academies: [{ ...good, requests: ['iaim'] }],
      people,
      existing,
      today: '2026-11-23',
    });
    const changes = describePlan(plan, { academy: () => 'Oakfield', kind: (k) => (k === 'iaim' ? 'iAIM' : 'AIM') });
    // Autumn 2's iAIM too: today is in it, with days still to come.
    expect(changes.map((c) => c.change)).toEqual(['added', 'added', 'added']);
    for (const c of changes) {
      expect(c.text).toMatch(/^iAIM at Oakfield added on (Monday|Tuesday|Wednesday|Thursday|Friday) \d+ \w+ 202[67]$/);
      expect(calendar.isSchoolDay(c.date)).toBe(true);
      expect(c.date > '2026-11-23').toBe(true);
    }
  });
});
