/**
 * Outcomes a user expects (papers already in, extension refused, not an approver) are returned,
 * never thrown: `{ ok: true, … }` or a refusal with a stable namespaced code and a sentence a
 * head can read. Only programming and infrastructure failures throw (see `errors.ts`).
 */
export interface Refused<Code extends string = string> {
  ok: false;
  code: Code;
  /** A plain English sentence for the person who asked, saying what to do instead. */
  message: string;
}

/** Success carrying `T`'s fields, or a refusal with one of `Code`. */
export type Outcome<T extends object, Code extends string> = ({ ok: true } & T) | Refused<Code>;

/** A refusal with its code and sentence. */
export const refuse = <Code extends string>(code: Code, message: string): Refused<Code> => ({ ok: false, code, message });

/** Plural phrase: "1 action", "3 actions". */
export const countOf = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "an Interim Academy Improvement Meeting", "a QA review". */
export const withArticle = (noun: string): string => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
