import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { BicepTemplate } from './bicep-reader';
import { allowedValues, BICEP_FUNCTIONS, expressionsOf, referencesIn, symbolsOf } from './bicep-expressions';

/** Each check returns sentences naming what is wrong (empty: consistent). */
export type Problems = string[];

/** Every identifier used in an expression is a declared param, var, resource or module; every call is a Bicep function. */
export function unresolvedReferences(t: BicepTemplate): Problems {
  const symbols = symbolsOf(t);
  const problems: Problems = [];
  for (const { where, tokens } of expressionsOf(t)) {
    for (const ref of referencesIn(tokens)) {
      if (ref.kind === 'symbol' && !symbols.has(ref.name))
        problems.push(`${where} (line ${ref.line}) refers to '${ref.name}', which is not declared`);
      if (ref.kind === 'function' && !BICEP_FUNCTIONS.has(ref.name))
        problems.push(`${where} (line ${ref.line}) calls '${ref.name}()', which is not a Bicep function`);
    }
  }
  return problems;
}

/** An ARM deployment-parameters file's parameter values, validated by shape. */
export function readParameterFile(text: string, label: string): Map<string, unknown> {
  const json = JSON.parse(text) as {
    $schema?: unknown;
    contentVersion?: unknown;
    parameters?: Record<string, { value?: unknown; reference?: unknown }>;
  };
  if (typeof json.$schema !== 'string' || !json.$schema.includes('deploymentParameters.json'))
    throw new Error(`${label}: $schema is not the ARM deploymentParameters schema`);
  if (!json.parameters || typeof json.parameters !== 'object') throw new Error(`${label}: no "parameters" object`);
  const values = new Map<string, unknown>();
  for (const [name, entry] of Object.entries(json.parameters)) {
    if (!entry || typeof entry !== 'object' || !('value' in entry)) throw new Error(`${label}: parameter ${name} has no "value"`);
    values.set(name, entry.value);
  }
  return values;
}

/** Parameters given and declared agree both ways; literal values respect @allowed; secure values are SECRET_ placeholders. */
export function parameterFileProblems(t: BicepTemplate, values: Map<string, unknown>, label: string): Problems {
  const problems: Problems = [];
  for (const name of values.keys()) if (!t.params.has(name)) problems.push(`${label} gives '${name}', which the template does not declare`);
  for (const p of t.params.values()) {
    const value = values.get(p.name);
    if (!p.hasDefault && !values.has(p.name)) problems.push(`${label} does not give '${p.name}', which has no default`);
    if (value === undefined) continue;
    const allowed = allowedValues(p);
    if (allowed && typeof value === 'string' && !value.includes('${{') && !allowed.includes(value))
      problems.push(`${label}: '${p.name}' is '${value}', not one of ${allowed.join(', ')}`);
    if (p.secure && !(typeof value === 'string' && /^\$\{\{SECRET_[A-Z0-9_]+\}\}$/.test(value)))
      problems.push(`${label}: secure parameter '${p.name}' must come from a \${{SECRET_...}} placeholder, never a literal`);
  }
  return problems;
}

/** Names the Toolkit can fill for an environment: its env files, and what m365agents.yml's steps write. */
export function definedEnvironmentVariables(root: string, env: string): Set<string> {
  const main = join(root, 'env', `.env.${env}`);
  if (!existsSync(main))
    throw new Error(`${main} is missing: the Toolkit project (env/) must define the ${env} environment the parameters file is for`);
  const names = new Set<string>();
  for (const file of [main, `${main}.user`]) {
    if (existsSync(file)) Object.keys(parseEnv(readFileSync(file, 'utf8'))).forEach((k) => names.add(k));
  }
  // Steps' outputs: `writeToEnvironmentFile:` maps an output to a variable name, one per line.
  const yml = join(root, 'm365agents.yml');
  if (existsSync(yml)) {
    let inBlock = false;
    let blockIndent = 0;
    for (const raw of readFileSync(yml, 'utf8').split('\n')) {
      const line = raw.replace(/#.*$/, '');
      const indent = line.length - line.trimStart().length;
      if (/^\s*writeToEnvironmentFile:\s*$/.test(line)) {
        inBlock = true;
        blockIndent = indent;
        continue;
      }
      if (!inBlock || line.trim() === '') continue;
      if (indent <= blockIndent) {
        inBlock = false;
        continue;
      }
      const m = /^\s*[A-Za-z0-9_]+:\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?\s*$/.exec(line);
      if (m) names.add(m[1]!);
    }
  }
  return names;
}

/** Every `${{VAR}}` in a parameters file is one the Toolkit can fill. */
export function placeholderProblems(paramsText: string, defined: Set<string>, label: string): Problems {
  const used = [...new Set([...paramsText.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!))];
  return used.filter((v) => !defined.has(v)).map((v) => `${label} uses \${{${v}}}, which no env file or m365agents.yml step defines`);
}

/** Secret-looking params are @secure(); no output shows a secure param or a listKeys/listSecrets result; secure params feed only Key Vault secrets. */
export function secretProblems(t: BicepTemplate): Problems {
  const problems: Problems = [];
  const secure = new Set([...t.params.values()].filter((p) => p.secure).map((p) => p.name));
  for (const p of t.params.values()) {
    if (/secret|password|key$/i.test(p.name) && !p.secure) problems.push(`param ${p.name} looks like a secret but is not @secure()`);
  }
  for (const o of t.outputs.values()) {
    for (const ref of referencesIn(o.value)) {
      if (ref.kind === 'symbol' && secure.has(ref.name)) problems.push(`output ${o.name} exposes the secure parameter ${ref.name}`);
    }
    if (o.value.some((tok) => /^list/.test(tok.text) && tok.kind === 'ident'))
      problems.push(`output ${o.name} exposes the result of a list*() call (keys or secrets)`);
  }
  const where = [...t.vars.values(), ...t.resources.values(), ...t.modules.values()];
  for (const d of where) {
    for (const ref of referencesIn(d.value)) {
      if (ref.kind !== 'symbol' || !secure.has(ref.name)) continue;
      const resource = t.resources.get(d.name);
      if (!resource || resource.type.split('@')[0] !== 'Microsoft.KeyVault/vaults/secrets')
        problems.push(`the secure parameter ${ref.name} is used in ${d.name}; it may only be stored as a Key Vault secret`);
    }
  }
  return problems;
}
