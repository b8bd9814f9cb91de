import type { Academy } from '../domain/academy';
import { isAcademyBelowGood } from '../domain/academy';
import { latestInspection, ruleMatch, type ReportCardAreas } from '../domain/inspections';
import type { LocalDate } from '../domain/local-date';
import { londonToUtc } from '../domain/london-time';
import type { Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import { setSelfEvaluation } from '../domain/self-evaluation';
import type { RecordStore, Stored } from '../ports/record-store.port';

/**
 * The September risk band the demo gives an academy from its latest inspection: high for Inadequate
 * or a report card with an area at urgent improvement or safeguarding not met, medium when below Good
 * otherwise (by inspection or its own view), else low.
 */
export function seedRiskBand(
  a: Omit<Academy, 'supportStage' | 'improvementDirectorId'>,
  model: ImprovementModel,
): 'low' | 'medium' | 'high' {
  const latest = latestInspection(a);
  const serious =
    latest?.kind === 'grade'
      ? latest.grade === 'inadequate'
      : latest
        ? ruleMatch({ anyAreaAtOrBelow: 'urgent-improvement', safeguardingNotMet: true }, latest) !== undefined
        : false;
  if (serious) return 'high';
  return isAcademyBelowGood(a, model.reportCards.belowGood) ? 'medium' : 'low';
}

/**
 * Brook Lane's own view, area by area, set at its latest meeting (before today) of the kind the model
 * names: it rates its leadership higher than its report card did, the rest as Ofsted found them.
 */
const OWN_VIEWS: Record<string, { areas: ReportCardAreas; safeguarding: 'met' }> = {
  'brook-lane': {
    areas: {
      inclusion: 'expected-standard',
      'curriculum-and-teaching': 'expected-standard',
      achievement: 'needs-attention',
      'attendance-and-behaviour': 'expected-standard',
      'personal-development-and-wellbeing': 'strong-standard',
      'leadership-and-governance': 'expected-standard',
      'sixth-form': 'expected-standard',
    },
    safeguarding: 'met',
  },
};

/** Sets each seeded self-evaluation once (seeding again leaves it as it is). */
export async function seedSelfEvaluations(input: {
  store: RecordStore;
  model: ImprovementModel;
  meetings: readonly Stored<Meeting>[];
  today: LocalDate;
}): Promise<void> {
  const { store, model, meetings, today } = input;
  for (const [academyId, view] of Object.entries(OWN_VIEWS)) {
    const academy = await store.academies.get(academyId);
    if (!academy || academy.selfEvaluation) continue;
    const at = meetings
      .filter((m) => m.academyId === academyId && m.status === 'held' && m.date < today && model.selfEvaluation.setAt.includes(m.kind))
      .sort((a, b) => b.date.localeCompare(a.date))[0];
    if (!at) continue;
    const head = `head-${academyId}`;
    const outcome = setSelfEvaluation(academy, view, at, model, { personId: head, at: londonToUtc(at.date, '16:00') });
    if (outcome.ok) await store.academies.update(outcome.academy);
  }
}
