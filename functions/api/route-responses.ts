import type { Outcome } from '../../core/domain/outcome';
import { ok, type ApiResponse } from './api-types';
import { refused } from './error-responses';

/** A use case's outcome as a response: 200 with the record, or 422 with the rule's reason. */
export const saved = <T extends object>(outcome: Outcome<T, string>): ApiResponse => {
  if (!outcome.ok) return refused(outcome.code, outcome.message);
  const { ok: _ok, ...rest } = outcome;
  return ok(rest);
};

/** 201 when the request created the record, 200 when the same client key had already created it. */
export const createdOr200 = (created: boolean, body: unknown): ApiResponse => ({ status: created ? 201 : 200, body });

/** A create's outcome: 201 (or 200 for a repeat of the same client key), or 422 with the rule's reason. */
export const createdOrRefused = <T extends { created: boolean }>(outcome: Outcome<T, string>): ApiResponse => {
  if (!outcome.ok) return refused(outcome.code, outcome.message);
  const { ok: _ok, ...rest } = outcome;
  return createdOr200(outcome.created, rest);
};

export const DELIVERY_UNAVAILABLE: ApiResponse = {
  status: 503,
  body: {
    error: { code: 'DELIVERY.UNAVAILABLE', message: 'Reminder deliveries are not recorded on this host (no queue storage is running).' },
  },
};
