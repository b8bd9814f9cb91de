import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/** Environment names as the Toolkit uses them (`env/.env.<name>`): letters, digits, `-` and `_`. */
const ENV_NAME = /^[A-Za-z0-9_-]{1,40}$/;

export interface EnvValues {
  values: Record<string, string>;
  /** The files read, in the order they were applied. */
  files: string[];
}

/**
 * The values for one environment, the way the Toolkit layers them: `env/.env.<env>`, then the
 * git-ignored `env/.env.<env>.user` (secrets), then `overrides` (normally `process.env`), each
 * later source winning for the names it has.
 */
export function readEnvValues(envDir: string, env: string, overrides: Readonly<Record<string, string | undefined>> = {}): EnvValues {
  if (!ENV_NAME.test(env)) throw new Error(`"${env}" is not an environment name (letters, digits, - and _ only)`);
  const main = join(envDir, `.env.${env}`);
  if (!existsSync(main)) throw new Error(`There is no ${main}: create it (see env/.env.dev) or pick another --env`);
  const files = [main, join(envDir, `.env.${env}.user`)].filter((f) => existsSync(f));
  const values: Record<string, string> = {};
  for (const file of files) {
    for (const [k, v] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) if (v !== undefined) values[k] = v;
  }
  // An empty variable in the shell is usually an accident; it never blanks a value from the files.
  for (const [k, v] of Object.entries(overrides)) if (v) values[k] = v;
  return { values, files };
}
