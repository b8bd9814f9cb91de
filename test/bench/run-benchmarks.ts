import { printRows, type BenchRow } from './measure';
import { coreSqliteBench } from './sections/core-sqlite.bench';
import { tabBench } from './sections/tab.bench';
import { sharepointBench } from './sections/sharepoint.bench';
import { botBench } from './sections/bot.bench';
import { fanoutBench } from './sections/fanout.bench';
import { calendarBench } from './sections/calendar.bench';
import { plannerBench } from './sections/planner.bench';
import { nluBench } from './sections/nlu.bench';

/**
 * `npm run bench`: every section prints its figures against its target. Each issue adds a section
 * file under `sections/` and one line here. `npm run bench -- <name>` runs the sections whose name
 * contains it.
 */
const SECTIONS: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: 'core-sqlite', run: coreSqliteBench },
  { name: 'bot', run: botBench },
  { name: 'sharepoint', run: sharepointBench },
  { name: 'tab', run: tabBench },
  { name: 'fanout', run: fanoutBench },
  { name: 'calendar', run: calendarBench },
  { name: 'nlu', run: nluBench },
  { name: 'planner', run: plannerBench },
];

async function main(): Promise<void> {
  const only = process.argv[2];
  const rows: BenchRow[] = [];
  for (const s of SECTIONS.filter((x) => !only || x.name.includes(only))) {
    console.error(`running ${s.name} …`);
    rows.push(...(await s.run()));
  }
  printRows(rows);
  if (rows.some((r) => !r.pass)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
