import { requiredMeetings } from '../cadence';
import { weekOf } from '../local-date';
import { PRESETS } from '../models/presets';
import { SchoolCalendar } from '../school-year/school-calendar';
import { planYear } from '../year-planner';
import { makeTrust } from '../year-planner.fixtures';

const calendar = new SchoolCalendar();
test('measure', () => {
  const lines: string[] = [];
  for (const [n, dirs] of [[12, 2], [60, 5]] as const) for (const id of Object.keys(PRESETS)) {
    const model = PRESETS[id]!;
    const { academies, people } = makeTrust(model, n, dirs);
    const plan = planYear({ model, calendar, academicYear: '2026/27', academies, people });
    const required = academies.flatMap((a) => requiredMeetings(model, a)).length;
    let inWin = 0;
    for (const m of plan.create) {
      const days = calendar.schoolDays('2026/27', m.halfTerm); const i = days.indexOf(m.date); const nd = days.length;
      const w = m.timing === 'early' ? [0, Math.ceil(nd/3)] : m.timing === 'middle' ? [Math.floor(nd/3), Math.ceil(2*nd/3)] : m.timing === 'late' ? [Math.floor(2*nd/3), nd] : [0, nd];
      if (i >= w[0]! && i < w[1]!) inWin++;
    }
    const load = new Map<string, Map<string, number>>();
    for (const m of plan.create) { const k = `${m.chairId}/ht${m.halfTerm}`; const w = load.get(k) ?? new Map(); w.set(weekOf(m.date), (w.get(weekOf(m.date)) ?? 0) + 1); load.set(k, w); }
    let worstSpan = 0, worstJump = 0, maxWeek = 0; let worstKey = '';
    for (const [k, w] of load) {
      const [, ht] = k.split('/ht');
      const weeks = [...new Set(calendar.schoolDays('2026/27', Number(ht)).map(weekOf))].sort();
      const all = weeks.map((x) => w.get(x) ?? 0);
      const used = [...w.keys()].sort();
      const counts = weeks.filter((x) => x >= used[0]! && x <= used[used.length-1]!).map((x) => w.get(x) ?? 0);
      const span = Math.max(...counts) - Math.min(...counts);
      const jump = Math.max(0, ...all.slice(1).map((c, i) => Math.abs(c - all[i]!)));
      if (jump > worstJump) { worstJump = jump; worstKey = `${k} ${JSON.stringify(all)}`; }
      worstSpan = Math.max(worstSpan, span);
      maxWeek = Math.max(maxWeek, ...all);
    }
    lines.push(`${id} ${n}/${dirs}: req ${required} made ${plan.create.length} unpl ${plan.unplaced.length} inWin ${(100*inWin/plan.create.length).toFixed(0)}% span ${worstSpan} jump ${worstJump} maxWeek ${maxWeek} worst ${worstKey}`);
  }
  console.log(lines.join('\n'));
});
