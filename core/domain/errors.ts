import type { z } from 'zod';
import { capitalised } from './format/names';
import { fieldWords, problemsSentence } from './format/problems';

/** One problem with an input, naming the field as a dotted path ("meetingKinds.0.papers.1.leadDays"). */
export interface FieldProblem {
  field: string;
  message: string;
  /** The field as a person reads it ("Due date"), where the schema names it (see `field-labels.ts`). */
  label?: string;
}

/**
 * Infrastructure and boundary failures carry a stable namespaced `code` because `instanceof`
 * does not survive a process boundary; hosts map them to an HTTP status and a plain sentence.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Bad input. Every problem leaves with a label, so no host shows a key ("dueDate"): the schema's
 * title where it has one, else the key path in words (`fieldWords`).
 */
export class ValidationError extends AppError {
  readonly code = 'INPUT.INVALID';
  readonly problems: FieldProblem[];
  constructor(problems: FieldProblem[], what = 'input') {
    const labelled = problems.map((p) => (p.label || !p.field ? p : { ...p, label: fieldWords(p.field) }));
    super(`Invalid ${what}: ${problemsSentence(labelled)}`);
    this.problems = labelled;
  }
}

/**
 * A record that is not there. The message names the kind only: a person cannot act on an id, and a
 * missing record has no name to give. `id` stays on the error for logs and tests.
 */
export class NotFoundError extends AppError {
  readonly code = 'RECORD.NOT_FOUND';
  constructor(
    readonly kind: string,
    readonly id: string,
    /** The sentence to say instead, where "that … could not be found" reads badly ("There are no term dates for 2027/28"). */
    options?: { message?: string },
  ) {
    super(options?.message ?? `That ${kind} could not be found; it may have been removed`);
  }
}

/**
 * Someone else changed the record since it was read: reload and try again, never a silent overwrite.
 * `described` names the record as people know it ("the AIM at Oakfield Primary on Wed 22 Jan 2027");
 * the store only knows ids, so the audited store (core/services) adds it (`withDescription`).
 */
export class ConflictError extends AppError {
  readonly code = 'RECORD.CONFLICT';
  constructor(
    readonly kind: string,
    readonly id: string,
    options?: { cause?: unknown; described?: string },
  ) {
    const what = options?.described ?? `this ${kind}`;
    super(`${capitalised(what)} was changed by someone else since you opened it; reload to see their change, then try again`, options);
  }

  /** The same conflict, naming the record as people know it. */
  withDescription(described: string): ConflictError {
    return new ConflictError(this.kind, this.id, { cause: this.cause, described });
  }
}

/**
 * A person's e-mail is already another person's (compared without regard to case). First sign-in
 * links a person by e-mail, so one address belongs to one person; hosts answer 409 and show the
 * problem by the e-mail field.
 */
export class EmailTakenError extends AppError {
  readonly code = 'PERSON.EMAIL_TAKEN';
  readonly problems: FieldProblem[];
  constructor(
    readonly holder: { id: string; name: string },
    message: string,
    field = 'email',
  ) {
    super(message);
    this.problems = [{ field, message: this.message }];
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'ACCESS.FORBIDDEN';
}

const hasCode = (e: unknown, code: string): boolean => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
export const isValidationError = (e: unknown): e is ValidationError => hasCode(e, 'INPUT.INVALID');
export const isNotFoundError = (e: unknown): e is NotFoundError => hasCode(e, 'RECORD.NOT_FOUND');
export const isConflictError = (e: unknown): e is ConflictError => hasCode(e, 'RECORD.CONFLICT');
export const isEmailTakenError = (e: unknown): e is EmailTakenError => hasCode(e, 'PERSON.EMAIL_TAKEN');
export const isForbiddenError = (e: unknown): e is ForbiddenError => hasCode(e, 'ACCESS.FORBIDDEN');

/** zod issues as field problems a person can act on. */
export function problemsFrom(error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

/** Parse with a schema or throw a `ValidationError` that names every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what?: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(problemsFrom(r.error), what);
  return r.data;
}

/**
 * A service the app depends on (SharePoint via Graph) asked the app to slow down for longer than a
 * person should wait. Hosts answer 503 with `Retry-After` and say that SharePoint is busy; nothing
 * was changed, so trying again later is safe.
 */
export class ServiceBusyError extends AppError {
  readonly code = 'SERVICE.BUSY';
  constructor(
    readonly retryAfterSeconds: number,
    readonly service = 'SharePoint',
    options?: { cause?: unknown },
  ) {
    super(
      `${service} is busy just now; nothing was changed. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
      options,
    );
  }
}
export const isServiceBusyError = (e: unknown): e is ServiceBusyError => hasCode(e, 'SERVICE.BUSY');
