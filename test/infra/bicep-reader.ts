/**
 * A small Bicep reader for offline consistency checks (no Bicep compiler is available here). It
 * understands what infra/azure.bicep uses: top-level `param`, `var`, `resource` (including
 * `existing` and `if (...)` resources), `module`, `output` and `targetScope`, decorators, strings
 * with `${}` interpolation, `for` loops and lambdas. Anything else (`import`, `type`, `func`,
 * nested resources, ...) is refused with an error rather than half-read.
 */

export type TokenKind = 'ident' | 'string' | 'number' | 'punct' | 'newline';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  /** For strings: the text with no interpolation, or undefined when it has `${}` parts. */
  literal?: string;
}

export interface Declaration {
  name: string;
  line: number;
  /** Decorators as written, e.g. `secure()`, `allowed(['a','b'])`. */
  decorators: Token[][];
  /** The tokens of the value (after `=`), or of the default value for a param. */
  value: Token[];
}

export interface BicepParam extends Declaration {
  type: string;
  secure: boolean;
  hasDefault: boolean;
}
export interface BicepResource extends Declaration {
  type: string;
  existing: boolean;
}
export interface BicepOutput extends Declaration {
  type: string;
}

export interface BicepTemplate {
  params: Map<string, BicepParam>;
  vars: Map<string, Declaration>;
  resources: Map<string, BicepResource>;
  modules: Map<string, Declaration>;
  outputs: Map<string, BicepOutput>;
}

const PUNCT = ['=>', '==', '!=', '>=', '<=', '&&', '||', '??', '?.', '.?', '::', '{', '}', '[', ']', '(', ')', ',', ':', '.', '?', '!', '=', '<', '>', '+', '-', '*', '/', '%', '@', '|'];

/** Splits Bicep text into tokens; the expressions inside `${}` are emitted as `(` … `)` before their string. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const fail = (what: string): never => {
    throw new Error(`Bicep line ${line}: ${what}`);
  };

  // Reads a '...' string starting at i (the opening quote); returns its interpolation tokens and literal.
  const readString = (): { inner: Token[]; raw: string; literal?: string } => {
    const startLine = line;
    i++;
    let raw = '';
    let literal = '';
    let interpolated = false;
    const inner: Token[] = [];
    while (i < text.length && text[i] !== "'") {
      const c = text[i]!;
      if (c === '\n') fail(`string opened on line ${startLine} runs past the end of the line`);
      if (c === '\\') {
        const n = text[i + 1] ?? '';
        const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };
        if (!(n in escapes)) fail(`unknown escape \\${n}`);
        raw += c + n;
        literal += escapes[n];
        i += 2;
        continue;
      }
      if (c === '$' && text[i + 1] === '{') {
        interpolated = true;
        i += 2;
        let depth = 1;
        const start = i;
        // Find the matching } (strings inside the interpolation may hold braces).
        while (i < text.length && depth > 0) {
          const d = text[i]!;
          if (d === "'") {
            i++;
            while (i < text.length && text[i] !== "'") i += text[i] === '\\' ? 2 : 1;
          } else if (d === '{') depth++;
          else if (d === '}') depth--;
          i++;
        }
        if (depth > 0) fail('unclosed ${ in a string');
        const expr = text.slice(start, i - 1);
        raw += '${' + expr + '}';
        inner.push({ kind: 'punct', text: '(', line }, ...tokenize(expr).map((t) => ({ ...t, line: t.line + line - 1 })), { kind: 'punct', text: ')', line });
        continue;
      }
      raw += c;
      literal += c;
      i++;
    }
    if (i >= text.length) fail(`string opened on line ${startLine} is never closed`);
    i++;
    return { inner, raw, ...(interpolated ? {} : { literal }) };
  };

  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      tokens.push({ kind: 'newline', text: '\n', line });
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) fail('unclosed /* comment');
      line += (text.slice(i, end).match(/\n/g) ?? []).length;
      i = end + 2;
    } else if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      if (end < 0) fail("unclosed ''' string");
      const body = text.slice(i + 3, end);
      tokens.push({ kind: 'string', text: `'''${body}'''`, line, literal: body });
      line += (body.match(/\n/g) ?? []).length;
      i = end + 3;
    } else if (c === "'") {
      const startLine = line;
      const { inner, raw, literal } = readString();
      tokens.push(...inner, { kind: 'string', text: `'${raw}'`, line: startLine, ...(literal !== undefined ? { literal } : {}) });
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      tokens.push({ kind: 'ident', text: m[0], line });
      i += m[0].length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', text: m[0], line });
      i += m[0].length;
    } else {
      const p = PUNCT.find((op) => text.startsWith(op, i));
      if (!p) fail(`unexpected character ${JSON.stringify(c)}`);
      tokens.push({ kind: 'punct', text: p!, line });
      i += p!.length;
    }
  }
  return tokens;
}

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** Top-level statements: token runs split at newlines outside brackets, with their decorators. */
function statements(tokens: Token[]): { decorators: Token[][]; body: Token[] }[] {
  const out: { decorators: Token[][]; body: Token[] }[] = [];
  let current: Token[] = [];
  let depth = 0;
  let decorators: Token[][] = [];
  const flush = () => {
    if (current.length === 0) return;
    if (current[0]!.text === '@') decorators.push(current.slice(1));
    else {
      out.push({ decorators, body: current });
      decorators = [];
    }
    current = [];
  };
  for (const t of tokens) {
    if (t.kind === 'punct' && OPEN.has(t.text)) depth++;
    if (t.kind === 'punct' && CLOSE.has(t.text)) depth--;
    if (depth < 0) throw new Error(`Bicep line ${t.line}: unbalanced ${t.text}`);
    if (t.kind === 'newline' && depth === 0) flush();
    else current.push(t);
  }
  if (depth !== 0) throw new Error('Bicep: unbalanced brackets at the end of the file');
  flush();
  if (decorators.length > 0) throw new Error('Bicep: decorators at the end of the file with nothing to decorate');
  return out;
}

const identAt = (body: Token[], i: number, what: string): string => {
  const t = body[i];
  if (!t || t.kind !== 'ident') throw new Error(`Bicep line ${body[0]?.line}: expected ${what}`);
  return t.text;
};

const expectEquals = (body: Token[], i: number): number => {
  if (body[i]?.text !== '=') throw new Error(`Bicep line ${body[0]?.line}: expected =`);
  return i + 1;
};

/** Reads the declarations of a Bicep file; throws on anything it does not understand. */
export function readBicep(text: string): BicepTemplate {
  const t: BicepTemplate = { params: new Map(), vars: new Map(), resources: new Map(), modules: new Map(), outputs: new Map() };
  const declared = new Set<string>();
  const declare = (name: string, line: number) => {
    if (declared.has(name)) throw new Error(`Bicep line ${line}: ${name} is declared twice`);
    declared.add(name);
  };
  for (const { decorators, body } of statements(tokenize(text))) {
    const keyword = body[0]!;
    const line = keyword.line;
    switch (keyword.text) {
      case 'targetScope':
        expectEquals(body, 1);
        break;
      case 'param': {
        const name = identAt(body, 1, 'a parameter name');
        const eq = body.findIndex((x, k) => k > 1 && x.text === '=');
        const typeTokens = body.slice(2, eq < 0 ? body.length : eq);
        if (typeTokens.length === 0) throw new Error(`Bicep line ${line}: parameter ${name} has no type`);
        if (typeTokens[0]!.text === 'resource') throw new Error(`Bicep line ${line}: resource-typed parameters are not supported by this reader`);
        declare(name, line);
        t.params.set(name, {
          name,
          line,
          decorators,
          type: typeTokens.map((x) => x.text).join(' '),
          secure: decorators.some((d) => d[0]?.text === 'secure'),
          hasDefault: eq >= 0,
          value: eq >= 0 ? body.slice(eq + 1) : [],
        });
        break;
      }
      case 'var': {
        const name = identAt(body, 1, 'a variable name');
        declare(name, line);
        t.vars.set(name, { name, line, decorators, value: body.slice(expectEquals(body, 2)) });
        break;
      }
      case 'resource':
      case 'module': {
        const name = identAt(body, 1, `a ${keyword.text} name`);
        const typeToken = body[2];
        if (typeToken?.kind !== 'string' || typeToken.literal === undefined) throw new Error(`Bicep line ${line}: ${name} needs a plain type string`);
        const existing = body[3]?.text === 'existing';
        const value = body.slice(expectEquals(body, existing ? 4 : 3));
        if (value.length === 0) throw new Error(`Bicep line ${line}: ${name} has no body`);
        declare(name, line);
        if (keyword.text === 'module') t.modules.set(name, { name, line, decorators, value });
        else {
          if (!/^[A-Za-z0-9.]+\/[A-Za-z0-9./]+@\d{4}-\d{2}-\d{2}(-preview)?$/.test(typeToken.literal)) throw new Error(`Bicep line ${line}: ${name} has a malformed resource type '${typeToken.literal}'`);
          t.resources.set(name, { name, line, decorators, type: typeToken.literal, existing, value });
        }
        // A `resource` keyword inside a body is a nested resource: its symbol rules differ.
        if (value.some((x, k) => x.text === 'resource' && x.kind === 'ident' && value[k + 1]?.kind === 'ident' && value[k + 2]?.kind === 'string')) {
          throw new Error(`Bicep line ${line}: nested resources are not supported by this reader; declare them at the top level with parent:`);
        }
        break;
      }
      case 'output': {
        const name = identAt(body, 1, 'an output name');
        const eq = body.findIndex((x, k) => k > 1 && x.text === '=');
        if (eq < 0) throw new Error(`Bicep line ${line}: output ${name} has no value`);
        if (t.outputs.has(name)) throw new Error(`Bicep line ${line}: output ${name} is declared twice`);
        t.outputs.set(name, { name, line, decorators, type: body.slice(2, eq).map((x) => x.text).join(' '), value: body.slice(eq + 1) });
        break;
      }
      default:
        throw new Error(`Bicep line ${line}: '${keyword.text}' statements are not supported by this reader`);
    }
  }
  return t;
}

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
