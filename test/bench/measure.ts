/** Runs `fn` `runs` times after a warm-up and returns latency percentiles in milliseconds. */
export async function measure(
  runs: number,
  fn: () => unknown,
  warmUp = Math.min(20, runs),
): Promise<{ p50: number; p95: number; max: number; runs: number }> {
  for (let i = 0; i < warmUp; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1]!, runs };
}

export interface BenchRow {
  name: string;
  figure: string;
  target: string;
  pass: boolean;
}

/** Prints the table every `npm run bench` section adds to. */
export function printRows(rows: readonly BenchRow[]): void {
  const w = (k: keyof BenchRow) => Math.max(k.length, ...rows.map((r) => String(r[k]).length));
  const line = (r: Record<keyof BenchRow, string>) =>
    `${r.name.padEnd(w('name'))}  ${r.figure.padEnd(w('figure'))}  ${r.target.padEnd(w('target'))}  ${r.pass}`;
  console.log(line({ name: 'benchmark', figure: 'figure', target: 'target', pass: 'result' }));
  for (const r of rows) console.log(line({ ...r, pass: r.pass ? 'PASS' : 'FAIL' }));
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;
