import type { GraphBehavior } from '../graph-types';

/** The error for an attempt that ran out of time: no response, so its outcome is unknown. */
export class GraphTimeoutError extends Error {
  constructor(ms: number) {
    super(`Graph did not answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * Gives each attempt its own deadline. The caller's signal still wins: its abort surfaces as the
 * caller's AbortError, never as a timeout that the retry behaviour would try again.
 */
export function timeout(ms: number): GraphBehavior {
  return (next) => async (request) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new GraphTimeoutError(ms)), ms);
    const signal = request.signal ? AbortSignal.any([request.signal, controller.signal]) : controller.signal;
    try {
      return await next({ ...request, signal });
    } catch (e) {
      if (request.signal?.aborted) throw request.signal.reason;
      if (controller.signal.aborted) throw controller.signal.reason;
      throw e;
    } finally {
      clearTimeout(timer);
    }
  };
}
