// What the expressions of a read template refer to: symbols, built-in functions, object keys and values.
import type { BicepParam, BicepTemplate, Declaration } from './bicep-reader';
import { CLOSE, OPEN, type Token } from './bicep-tokens';

/** Bicep's built-in functions and decorators (the `sys` and `az` namespaces) that a template may call. */
export const BICEP_FUNCTIONS: ReadonlySet<string> = new Set(
  (
    'any array base64 base64ToJson base64ToString bool buildUri cidrHost cidrSubnet coalesce concat contains dataUri dataUriToString ' +
    'dateTimeAdd dateTimeFromEpoch dateTimeToEpoch deployer deployment empty endsWith environment extensionResourceId filter first ' +
    'flatten format getSecret groupBy guid indexFromEnd indexOf int intersection items join json last lastIndexOf length ' +
    'loadFileAsBase64 loadJsonContent loadTextContent loadYamlContent managementGroup managementGroupResourceId map mapValues max min ' +
    'newGuid objectKeys padLeft parseCidr parseUri pickZones range readEnvironmentVariable reduce reference replace resourceGroup ' +
    'resourceId shallowMerge skip sort split startsWith string subscription subscriptionResourceId substring take tenant ' +
    'tenantResourceId toLower toObject toUpper trim tryGet union uniqueString uri uriComponent uriComponentToString utcNow ' +
    'allowed batchSize description discriminator export maxLength maxValue metadata minLength minValue sealed secure'
  ).split(' '),
);

const KEYWORDS = new Set(['true', 'false', 'null', 'if', 'for', 'in', 'existing']);
const NAMESPACES = new Set(['az', 'sys']);
const KEY_PREDECESSORS = new Set(['{', ',', '\n']);

export interface Reference {
  name: string;
  line: number;
  kind: 'symbol' | 'function';
}

/** Loop variables and lambda parameters declared inside an expression (local names, not symbols). */
function localNames(tokens: Token[]): Set<string> {
  const locals = new Set<string>();
  tokens.forEach((tok, k) => {
    if (tok.text === 'for') {
      // for x in … | for (x, i) in …
      let j = k + 1;
      const names: string[] = [];
      while (j < tokens.length && tokens[j]!.text !== 'in') {
        if (tokens[j]!.kind === 'ident') names.push(tokens[j]!.text);
        j++;
      }
      names.forEach((n) => locals.add(n));
    }
    if (tok.text === '=>') {
      const prev = tokens[k - 1];
      if (prev?.kind === 'ident') locals.add(prev.text);
      if (prev?.text === ')') {
        for (let j = k - 2; j >= 0 && tokens[j]!.text !== '('; j--) if (tokens[j]!.kind === 'ident') locals.add(tokens[j]!.text);
      }
    }
  });
  return locals;
}

/** The symbols (params, vars, resources, modules) and functions an expression refers to. */
export function referencesIn(tokens: Token[]): Reference[] {
  const refs: Reference[] = [];
  const locals = localNames(tokens);
  tokens.forEach((tok, k) => {
    if (tok.kind !== 'ident' || KEYWORDS.has(tok.text)) return;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    if (prev && ['.', '?.', '.?', '::'].includes(prev.text)) return; // a property or method
    if (NAMESPACES.has(tok.text) && next?.text === '.') return;
    if (next?.text === '(') {
      refs.push({ name: tok.text, line: tok.line, kind: 'function' });
      return;
    }
    if (next?.text === ':' && (!prev || KEY_PREDECESSORS.has(prev.text))) return; // an object key
    if (next?.text === '=>' || locals.has(tok.text)) return;
    refs.push({ name: tok.text, line: tok.line, kind: 'symbol' });
  });
  return refs;
}

/** Every symbol a template declares. */
export function symbolsOf(t: BicepTemplate): Set<string> {
  return new Set([...t.params.keys(), ...t.vars.keys(), ...t.resources.keys(), ...t.modules.keys()]);
}

/** Each declaration's value tokens (and its decorators'), labelled for messages. */
export function expressionsOf(t: BicepTemplate): { where: string; tokens: Token[] }[] {
  const all: { where: string; tokens: Token[] }[] = [];
  const add = (where: string, d: Declaration) => {
    all.push({ where, tokens: d.value });
    d.decorators.forEach((dec) => all.push({ where: `${where} (decorator)`, tokens: dec }));
  };
  t.params.forEach((d) => add(`param ${d.name}`, d));
  t.vars.forEach((d) => add(`var ${d.name}`, d));
  t.resources.forEach((d) => add(`resource ${d.name}`, d));
  t.modules.forEach((d) => add(`module ${d.name}`, d));
  t.outputs.forEach((d) => add(`output ${d.name}`, d));
  return all;
}

/** The top-level keys of an object literal `{ … }` (quoted keys included, interpolated ones skipped). */
export function objectKeys(tokens: Token[]): string[] {
  if (tokens[0]?.text !== '{') throw new Error(`Bicep line ${tokens[0]?.line}: expected an object literal`);
  const keys: string[] = [];
  let depth = 0;
  tokens.forEach((tok, k) => {
    if (tok.kind === 'punct' && OPEN.has(tok.text)) depth++;
    if (tok.kind === 'punct' && CLOSE.has(tok.text)) depth--;
    if (depth !== 1 || tokens[k + 1]?.text !== ':' || !KEY_PREDECESSORS.has(tokens[k - 1]?.text ?? '')) return;
    if (tok.kind === 'ident') keys.push(tok.text);
    else if (tok.kind === 'string' && tok.literal !== undefined) keys.push(tok.literal);
  });
  return keys;
}

/** The value tokens of one top-level key of an object literal. */
export function propertyValue(tokens: Token[], key: string): Token[] | undefined {
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (tok.kind === 'punct' && OPEN.has(tok.text)) depth++;
    if (tok.kind === 'punct' && CLOSE.has(tok.text)) depth--;
    const named = (tok.kind === 'ident' && tok.text === key) || (tok.kind === 'string' && tok.literal === key);
    if (depth === 1 && named && tokens[k + 1]?.text === ':' && KEY_PREDECESSORS.has(tokens[k - 1]?.text ?? '')) {
      const value: Token[] = [];
      let d = 0;
      for (let j = k + 2; j < tokens.length; j++) {
        const v = tokens[j]!;
        if (v.kind === 'punct' && OPEN.has(v.text)) d++;
        if (v.kind === 'punct' && CLOSE.has(v.text)) d--;
        if (d < 0 || (d === 0 && (v.kind === 'newline' || v.text === ','))) break;
        value.push(v);
      }
      return value;
    }
  }
  return undefined;
}

/** The string literals of an `@allowed([...])` decorator, or undefined when the param has none. */
export function allowedValues(p: BicepParam): string[] | undefined {
  const dec = p.decorators.find((d) => d[0]?.text === 'allowed');
  return dec?.filter((x) => x.kind === 'string' && x.literal !== undefined).map((x) => x.literal!);
}
