/* The two academies the board pack's tests draw on: one amber with a KPI, a judgement and late work, one red and escalated. */
import type { Academy } from '../../domain/academy';
import {
  calendar,
  dsat,
  makeAcademy,
  makeAction,
  makeDataPoint,
  makeEscalation,
  makeKpiTarget,
  makeMeeting,
  makePeople,
  makeSupportDay,
} from '../../domain/test-factories';
import type { AcademyStatusInputs, Stored } from '../../ports/record-store.port';
import type { TrustContext } from '../service-context';
import { boardPackFigures, type snapshotOf } from './board-pack-figures';
import { termOf } from './board-pack-term';

export const stored = <T>(x: T): Stored<T> => ({ ...x, version: '1' });
export const model = dsat();
const today = '2026-11-23';
const trust: TrustContext = {
  settings: stored({ id: 't', name: 'Meadowbank Learning Trust', model, termDates: [], closures: [] }),
  model,
  calendar,
  today,
  academicYear: '2026/27',
};
export const term = termOf(calendar, today)!;

function inputsFor(academy: Academy, parts: Partial<Omit<AcademyStatusInputs, 'academy'>> = {}): AcademyStatusInputs {
  return {
    academy: stored(academy),
    meetings: [],
    actions: [],
    kpiTargets: [],
    kpiDataPoints: [],
    interventions: [],
    escalations: [],
    supportDays: [],
    ...parts,
  };
}

const oakfield = makeAcademy({ id: 'oakfield', name: 'Oakfield Primary Academy', improvementBudgetPence: 140000 });
const brook = makeAcademy({
  id: 'brook',
  name: 'Brook Lane Academy',
  ofstedGrade: 'inadequate',
  ofstedDate: '2024-05-01',
  improvementBudgetPence: 70000,
});
export const people = [...makePeople('oakfield'), ...makePeople('brook')];
export const headOf = (id: string) => people.find((p) => p.roles.some((r) => r.role === 'head' && r.academyId === id))!;

export const figuresWith = (previous?: ReturnType<typeof snapshotOf>) =>
  boardPackFigures({
    trust,
    term,
    people,
    generatedAt: '2026-11-23T10:00:00.000Z',
    visits: [
      { academyId: 'oakfield', startsAt: '2026-10-06T09:00:00Z', status: 'submitted' },
      // A draft is still being written up; last summer's visit is not this term's.
      { academyId: 'brook', startsAt: '2026-11-10T09:00:00Z', status: 'draft' },
      { academyId: 'brook', startsAt: '2026-06-10T09:00:00Z', status: 'submitted' },
    ],
    ...(previous ? { previous } : {}),
    inputs: [
      inputsFor(oakfield, {
        kpiTargets: [stored(makeKpiTarget({ id: 'kpi-1', academyId: 'oakfield', measure: 'Reading at expected', target: 70 }))],
        kpiDataPoints: [stored(makeDataPoint({ id: 'dp-1', kpiId: 'kpi-1', academyId: 'oakfield', point: 1, value: 64 }))],
        meetings: [
          stored(
            makeMeeting(
              {
                academyId: 'oakfield',
                date: '2026-10-13',
                status: 'held',
                judgements: [{ area: 'inclusion', evidence: 'SEND register reviewed <w:p/>', reportCardGrade: 'needs-attention' }],
              },
              { academy: oakfield, people },
            ),
          ),
          // Last summer's meeting is not this term's: its judgement is left out.
          stored(
            makeMeeting(
              {
                academyId: 'oakfield',
                date: '2026-06-16',
                status: 'held',
                judgements: [{ area: 'achievement', evidence: 'old', reportCardGrade: 'strong-standard' }],
              },
              { academy: oakfield, people },
            ),
          ),
        ],
        actions: [
          stored(
            makeAction({
              id: 'a-late',
              academyId: 'oakfield',
              text: 'Phonics audit',
              ownerId: headOf('oakfield').id,
              dueDate: '2026-11-02',
            }),
          ),
          stored(makeAction({ id: 'a-done', academyId: 'oakfield', text: 'Done already', status: 'done', dueDate: '2026-10-01' })),
          stored(makeAction({ id: 'a-future', academyId: 'oakfield', text: 'Not yet due', dueDate: '2026-12-10' })),
        ],
        supportDays: [stored(makeSupportDay({ id: 'sd-1', academyId: 'oakfield', kind: 'development', days: 1, chargePence: 35000 }))],
      }),
      inputsFor(brook, {
        escalations: [
          stored(makeEscalation({ id: 'esc-1', academyId: 'brook', step: 1, stepId: model.escalation.steps[1]!.id, by: 'aid' })),
        ],
        supportDays: [stored(makeSupportDay({ id: 'sd-2', academyId: 'brook', kind: 'development', days: 2, chargePence: 70000 }))],
      }),
    ],
  });
