/**
 * Where every Graph caller of the app, on every instance, learns that SharePoint asked the app to
 * slow down, so they back off together instead of each finding out with a 429 of its own:
 * throttled requests count against the app's budget too, and ignoring `Retry-After` prolongs the
 * throttle ("Avoid getting throttled or blocked in SharePoint Online", Microsoft Learn).
 * Adapters: in memory (one process, core/adapters/memory/memory-throttle-gate.ts) and Azure Table
 * storage (every instance of the Functions app, core/adapters/azure-storage/table-throttle-gate.ts).
 */
export interface ThrottleGate {
  /** Epoch ms until which nobody sends (a 429 / 503 with `Retry-After`); at or before now: open. */
  closedUntil(): Promise<number>;
  /** Epoch ms until which background work leaves what is left of the minute's budget to people (`RateLimit-*` near the limit). */
  reservedUntil(): Promise<number>;
  /** Keeps the later of the current and the new time: a shorter `Retry-After` never reopens the gate early. */
  close(untilMs: number): Promise<void>;
  reserve(untilMs: number): Promise<void>;
}
