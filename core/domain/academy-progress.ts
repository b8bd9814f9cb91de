import type { Grade } from './grades';
import type { LocalDate } from './local-date';

/** One KPI over the year's data points, against its target (Waterton: five summative data points a year). */
export interface KpiSeries {
  measure: string;
  unit: 'percent' | 'score' | 'count';
  higherIsBetter: boolean;
  target: number;
  dataPoints: readonly { point: number; value: number }[];
}

/** The judgements one held meeting recorded (DSAT: an indicative grade per inspection area). */
export interface JudgedMeeting {
  meetingId: string;
  date: LocalDate;
  kindName: string;
  judgements: readonly { area: string; indicativeGrade?: Grade }[];
}

export interface ProgressInput {
  kpis: readonly KpiSeries[];
  meetings: readonly JudgedMeeting[];
  /** Moves on the escalation ladder, oldest first (0 = the first rung). */
  escalations: readonly { step: number; at: string }[];
}

export type Trend = 'better' | 'worse' | 'same' | 'too-early';

export interface KpiProgress extends KpiSeries {
  first?: { point: number; value: number };
  latest?: { point: number; value: number };
  /** From the first data point to the latest, in the good direction or not. */
  trend: Trend;
  /** The latest value meets the target (at or above it, or at or below when lower is better). */
  meetsTarget?: boolean;
}

export interface AreaProgress {
  area: string;
  grades: { date: LocalDate; kindName: string; grade: Grade }[];
  trend: Trend;
}

/** Improving, declining, both (mixed), steady, or too early to say (fewer than two data points or judgements of anything). */
export type ProgressVerdict = 'improving' | 'declining' | 'mixed' | 'steady' | 'too-early';

export interface AcademyProgress {
  verdict: ProgressVerdict;
  kpis: KpiProgress[];
  areas: AreaProgress[];
  escalation: Trend;
  /** KPIs whose latest value meets its target, out of those with data. */
  onTarget: { met: number; of: number };
}

// Outstanding is the best grade; a move between any two is a change of judgement.
const GRADE_RANK: Record<Grade, number> = { outstanding: 4, good: 3, 'requires-improvement': 2, inadequate: 1 };

const trendOf = (change: number): Trend => (change > 0 ? 'better' : change < 0 ? 'worse' : 'same');

/**
 * Whether an academy is improving, from evidence rather than an impression: each KPI from its first
 * data point to its latest (in the direction that is better for it) and against its target, each
 * inspection area's indicative grade from the first meeting that judged it to the latest, and the
 * academy's moves on the escalation ladder. The verdict counts those that got better and worse; with
 * nothing measured twice it is too early to say, and the targets still show where it stands.
 */
export function judgeProgress(input: ProgressInput): AcademyProgress {
  const kpis: KpiProgress[] = input.kpis.map((k) => {
    const points = [...k.dataPoints].sort((a, b) => a.point - b.point);
    const first = points[0];
    const latest = points.at(-1);
    const sign = k.higherIsBetter ? 1 : -1;
    return {
      ...k,
      dataPoints: points,
      ...(first ? { first } : {}),
      ...(latest ? { latest, meetsTarget: sign * (latest.value - k.target) >= 0 } : {}),
      trend: first && latest && points.length >= 2 ? trendOf(sign * (latest.value - first.value)) : 'too-early',
    };
  });
  const byArea = new Map<string, AreaProgress['grades']>();
  for (const m of [...input.meetings].sort((a, b) => a.date.localeCompare(b.date))) {
    for (const j of m.judgements) {
      if (!j.indicativeGrade) continue;
      const list = byArea.get(j.area) ?? [];
      list.push({ date: m.date, kindName: m.kindName, grade: j.indicativeGrade });
      byArea.set(j.area, list);
    }
  }
  const areas: AreaProgress[] = [...byArea.entries()].map(([area, grades]) => ({
    area,
    grades,
    trend: grades.length >= 2 ? trendOf(GRADE_RANK[grades.at(-1)!.grade] - GRADE_RANK[grades[0]!.grade]) : 'too-early',
  }));
  const steps = input.escalations.map((e) => e.step);
  // Down the ladder (fewer steps) is better.
  const escalation: Trend = steps.length >= 2 ? trendOf(steps[0]! - steps.at(-1)!) : 'too-early';

  const trends = [...kpis.map((k) => k.trend), ...areas.map((a) => a.trend), escalation].filter((t) => t !== 'too-early');
  const better = trends.filter((t) => t === 'better').length;
  const worse = trends.filter((t) => t === 'worse').length;
  const verdict: ProgressVerdict =
    trends.length === 0 ? 'too-early' : better && worse ? 'mixed' : better ? 'improving' : worse ? 'declining' : 'steady';
  const measured = kpis.filter((k) => k.meetsTarget !== undefined);
  return { verdict, kpis, areas, escalation, onTarget: { met: measured.filter((k) => k.meetsTarget).length, of: measured.length } };
}
