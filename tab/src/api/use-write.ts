import { useCallback, useState } from 'react';
import { problemsSentence } from '../format/words';
import type { ApiClient } from './api-client';
import { asApiError } from './use-api-data';
import { useAppContext } from '../app/app-context';

export type WriteFeedback = { intent: 'success' | 'error' | 'warning'; text: string } | undefined;

/** What the API said was wrong: each field's message (by its key, where the form shows it), and a rule's refusal (422). */
export interface WriteProblems {
  fields: Record<string, string>;
  refusal?: { code: string; message: string };
}

/** "Due date: the due date has already passed; Owner: …" from the API's problems, by their labels. */
export const problemSentence = (problems: { field: string; label?: string; message: string }[]): string => problemsSentence(problems);

/**
 * One form's writes: busy while one is in flight, the outcome as a message, and the API's problems
 * kept by field so each shows by its field (the server's labels, never a copy of its rules).
 */
export function useWrite(onDone?: () => void) {
  const { api } = useAppContext();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<WriteFeedback>();
  const [problems, setProblems] = useState<WriteProblems>({ fields: {} });

  const run = useCallback(
    async <T>(work: (api: ApiClient) => Promise<T>, done: string | ((result: T) => string)): Promise<T | undefined> => {
      setBusy(true);
      setProblems({ fields: {} });
      try {
        const result = await work(api);
        setFeedback({ intent: 'success', text: typeof done === 'string' ? done : done(result) });
        onDone?.();
        return result;
      } catch (e) {
        const err = asApiError(e);
        const fields = Object.fromEntries(err.problems.map((p) => [p.field, p.message]));
        setProblems({ fields, ...(err.status === 422 ? { refusal: { code: err.code, message: err.message } } : {}) });
        setFeedback({
          intent: err.status === 422 ? 'warning' : 'error',
          text: err.problems.length > 0 ? `Not saved. ${problemSentence(err.problems)}` : err.message,
        });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [api, onDone],
  );

  return { busy, feedback, setFeedback, problems, run, clear: () => setProblems({ fields: {} }) };
}

export type Write = ReturnType<typeof useWrite>;

/** A fresh idempotency key per create, so a retry or double click creates it once. */
export const clientKey = (): string => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
