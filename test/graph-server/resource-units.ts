/*
 * SharePoint's resource units, as Microsoft documents them for Graph ("Avoid getting throttled or
 * blocked in SharePoint Online", Microsoft Learn): 1 for a single-item read, a delta with a token
 * or a file download; 2 for a multi-item query (a delta without a token included) and for every
 * create, update, delete or upload. Requests inside a `$batch` count one by one. An app gets 1,200
 * to 6,000 a minute per tenant; near the limit (80%) responses carry `RateLimit-*` headers.
 */

/** What one request to SharePoint (sites, lists, items, drives) costs. */
export function resourceUnitsOf(method: string, segments: readonly string[], query: URLSearchParams): number {
  const [root, , collection, , sub, subId] = segments;
  // Outlook, Teams and the `$batch` envelope itself are not SharePoint's (a batch's requests are counted one by one).
  if (root !== 'sites' && root !== 'drives') return 0;
  if (method !== 'GET') return 2;
  if (root === 'sites') {
    if (segments[1]?.endsWith(':')) return 1; // a site by path
    if (sub === 'items' && subId === 'delta') return query.has('token') && !String(query.get('token')).startsWith('0:') ? 1 : 2;
    // A site, a list, a column or an item by id is one thing; a collection is a query.
    if (
      segments.length === 2 ||
      (collection === 'lists' && segments.length === 4) ||
      (sub !== undefined && subId !== undefined) ||
      sub === 'drive'
    )
      return 1;
    return 2;
  }
  if (root === 'drives') return segments.at(-1) === 'children' ? 2 : 1;
  return 0;
}

/** A sliding one-minute budget of resource units, on the server's clock. */
export class ResourceBudget {
  private spent: { at: number; units: number }[] = [];
  total = 0;
  throttled = 0;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  private used(): number {
    const since = this.now() - 60_000;
    this.spent = this.spent.filter((s) => s.at > since);
    return this.spent.reduce((n, s) => n + s.units, 0);
  }

  /** Spends `units`, or says how many seconds until they fit (the 429's `Retry-After`). */
  spend(units: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (units === 0) return { ok: true };
    const used = this.used();
    if (used + units > this.perMinute) {
      this.throttled++;
      // The oldest spending leaves the window first: wait until enough has.
      let freed = 0;
      let at = this.now() + 1000;
      for (const s of this.spent) {
        freed += s.units;
        at = s.at + 60_000;
        if (used - freed + units <= this.perMinute) break;
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((at - this.now()) / 1000)) };
    }
    this.spent.push({ at: this.now(), units });
    this.total += units;
    return { ok: true };
  }

  /** `RateLimit-*` headers once 80% of the minute is used (Microsoft Learn, "RateLimit headers"). */
  headers(): Record<string, string> {
    if (!Number.isFinite(this.perMinute)) return {};
    const used = this.used();
    if (used < this.perMinute * 0.8) return {};
    const oldest = this.spent[0]?.at ?? this.now();
    return {
      'RateLimit-Limit': String(this.perMinute),
      'RateLimit-Remaining': String(Math.max(0, this.perMinute - used)),
      'RateLimit-Reset': String(Math.max(1, Math.ceil((oldest + 60_000 - this.now()) / 1000))),
    };
  }
}
