/**
 * A small Bicep reader for offline consistency checks (no Bicep compiler is available here). It
 * understands what infra/azure.bicep uses: top-level `param`, `var`, `resource` (including
 * `existing` and `if (...)` resources), `module`, `output` and `targetScope`, decorators, strings
 * with `${}` interpolation, `for` loops and lambdas. Anything else (`import`, `type`, `func`,
 * nested resources, ...) is refused with an error rather than half-read.
 */
import { CLOSE, OPEN, tokenize, type Token } from './bicep-tokens';

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
        if (typeTokens[0]!.text === 'resource')
          throw new Error(`Bicep line ${line}: resource-typed parameters are not supported by this reader`);
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
        if (typeToken?.kind !== 'string' || typeToken.literal === undefined)
          throw new Error(`Bicep line ${line}: ${name} needs a plain type string`);
        const existing = body[3]?.text === 'existing';
        const value = body.slice(expectEquals(body, existing ? 4 : 3));
        if (value.length === 0) throw new Error(`Bicep line ${line}: ${name} has no body`);
        declare(name, line);
        if (keyword.text === 'module') t.modules.set(name, { name, line, decorators, value });
        else {
          if (!/^[A-Za-z0-9.]+\/[A-Za-z0-9./]+@\d{4}-\d{2}-\d{2}(-preview)?$/.test(typeToken.literal))
            throw new Error(`Bicep line ${line}: ${name} has a malformed resource type '${typeToken.literal}'`);
          t.resources.set(name, { name, line, decorators, type: typeToken.literal, existing, value });
        }
        // A `resource` keyword inside a body is a nested resource: its symbol rules differ.
        if (
          value.some(
            (x, k) => x.text === 'resource' && x.kind === 'ident' && value[k + 1]?.kind === 'ident' && value[k + 2]?.kind === 'string',
          )
        ) {
          throw new Error(
            `Bicep line ${line}: nested resources are not supported by this reader; declare them at the top level with parent:`,
          );
        }
        break;
      }
      case 'output': {
        const name = identAt(body, 1, 'an output name');
        const eq = body.findIndex((x, k) => k > 1 && x.text === '=');
        if (eq < 0) throw new Error(`Bicep line ${line}: output ${name} has no value`);
        if (t.outputs.has(name)) throw new Error(`Bicep line ${line}: output ${name} is declared twice`);
        t.outputs.set(name, {
          name,
          line,
          decorators,
          type: body
            .slice(2, eq)
            .map((x) => x.text)
            .join(' '),
          value: body.slice(eq + 1),
        });
        break;
      }
      default:
        throw new Error(`Bicep line ${line}: '${keyword.text}' statements are not supported by this reader`);
    }
  }
  return t;
}
