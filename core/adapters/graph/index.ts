export { createGraphClient, GRAPH_V1, type GraphClient, type GraphClientOptions, type SendOptions } from './graph-client';
export { sendBatch, MAX_BATCH_REQUESTS, type BatchItem, type BatchOptions } from './batch';
export { GraphRequestError, isAmbiguousFailure, isGraphStatus, isAbortError } from './graph-error';
export { decideRetry, parseRetryAfter, DEFAULT_RETRY_POLICY, type RetryPolicy, type RetryDecision } from './retry-decision';
export { composePipeline, type GraphBehavior, type GraphHandler, type GraphRequest, type GraphResponse } from './graph-types';
export { fetchTransport, type FetchLike } from './fetch-transport';
export { mapLimit } from './concurrency';
export type { TokenProvider } from './behaviors/bearer-token';
export {
  appTokenProvider,
  createConfidentialClient,
  onBehalfOfTokenProvider,
  GRAPH_DEFAULT_SCOPE,
  type AppCredentials,
} from './auth/msal-token-provider';
export { inBackground, asInteractive, BACKGROUND_POLICY, INTERACTIVE_POLICY, type Patience } from './patience';
export { memoryThrottleGate, readRateLimit, type ThrottleGate } from './throttle-gate';
export { isvUserAgent } from './behaviors/user-agent';
export { REAL_TIMERS, type GraphTimers } from './graph-timers';
export { batchLayoutProblem } from './batch';
