/** Bicep source as tokens, for the offline reader in `bicep-reader.ts`. */

export type TokenKind = 'ident' | 'string' | 'number' | 'punct' | 'newline';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  /** For strings: the text with no interpolation, or undefined when it has `${}` parts. */
  literal?: string;
}

const PUNCT = [
  '=>',
  '==',
  '!=',
  '>=',
  '<=',
  '&&',
  '||',
  '??',
  '?.',
  '.?',
  '::',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ',',
  ':',
  '.',
  '?',
  '!',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '@',
  '|',
];

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
        inner.push({ kind: 'punct', text: '(', line }, ...tokenize(expr).map((t) => ({ ...t, line: t.line + line - 1 })), {
          kind: 'punct',
          text: ')',
          line,
        });
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

export const OPEN: ReadonlySet<string> = new Set(['(', '[', '{']);
export const CLOSE: ReadonlySet<string> = new Set([')', ']', '}']);
