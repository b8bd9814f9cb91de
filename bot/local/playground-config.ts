import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folder holding `.m365agentsplayground.yml` (the demo trust's people as Playground users). */
export const PLAYGROUND_DIR = join(__dirname, '..', 'playground');

const USER_LINE = /^ {2}- (\{ id: ([^,]+),.*\})\s*$/;
const CURRENT_LINE = /^currentUser: (\{ id: ([^,]+),.*\})\s*$/;

/** Someone of the trust to chat as in the Playground. */
export interface PlaygroundPerson {
  id: string;
  name: string;
  email?: string;
}

/** A Playground user as a one-line YAML mapping (JSON strings are YAML scalars); the object id is made up, so the bot falls back to `from.id`. */
function userLine(p: PlaygroundPerson): string {
  const oid = `00000000-0000-4000-8000-${createHash('sha256').update(p.id).digest('hex').slice(0, 12)}`;
  const email = p.email ?? `${p.id}@meadowbank.example`;
  const [given = p.name, ...rest] = p.name.split(' ');
  const fields = {
    id: p.id,
    name: p.name,
    userPrincipleName: email,
    aadObjectId: oid,
    givenName: given,
    surname: rest.join(' ') || given,
    email,
  };
  return `{ ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ')} }`;
}

/**
 * The repo's Playground config with `person` (any person of the demo trust) as the current user,
 * the config's other people as the five `users` the schema requires, and a personal chat of their
 * own. The Playground has no user switcher (its `currentUser` is fixed for the run), so trying
 * another role means a config like this one, written outside the repository.
 */
export function playgroundConfigFor(person: PlaygroundPerson, source = join(PLAYGROUND_DIR, '.m365agentsplayground.yml')): string {
  const lines = readFileSync(source, 'utf8').split('\n');
  const listed = lines.flatMap((l) => {
    const m = CURRENT_LINE.exec(l) ?? USER_LINE.exec(l);
    return m ? [{ id: m[2]!, line: m[1]! }] : [];
  });
  if (!lines.some((l) => CURRENT_LINE.test(l)))
    throw new Error('.m365agentsplayground.yml: `currentUser` must be a one-line { id: ... } mapping');
  const me = listed.find((u) => u.id === person.id)?.line ?? userLine(person);
  const others = listed.filter((u) => u.id !== person.id).slice(0, 5);
  return lines
    .filter((l) => !USER_LINE.test(l))
    .flatMap((l) => (CURRENT_LINE.test(l) ? [`currentUser: ${me}`] : l === 'users:' ? [l, ...others.map((u) => `  - ${u.line}`)] : [l]))
    .join('\n')
    .replace(/^( {2}id: )personal-chat$/m, `$1personal-chat-${person.id}`);
}

/** Who to chat as: `--as <person>` on the command line (`npm start -- --as head-riverside`), else `PLAYGROUND_USER`. */
export function playgroundUserArg(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const i = argv.indexOf('--as');
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--as='))?.slice('--as='.length);
  const value = (fromArg ?? env.PLAYGROUND_USER)?.trim();
  return value ? value : undefined;
}
