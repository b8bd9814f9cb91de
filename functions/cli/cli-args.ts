/** `--name value` and `--flag` from argv. */
export function parseArgs(argv: readonly string[]): { flags: Set<string>; values: Map<string, string> } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      values.set(a.slice(2), next);
      i++;
    } else flags.add(a.slice(2));
  }
  return { flags, values };
}
