import type { StaleMark } from '../domain/stale-mark';
import type { Academy } from '../domain/academy';
import type { ActionItem } from '../domain/action-item';
import type { EscalationEvent } from '../domain/escalation';
import type { Intervention } from '../domain/intervention';
import type { KpiDataPoint, KpiTarget } from '../domain/kpi';
import type { LocalDate } from '../domain/local-date';
import type { Meeting } from '../domain/meeting';
import type { MonitoringForm } from '../domain/monitoring-form';
import type { Person } from '../domain/people';
import type { SupportDay } from '../domain/support-days';
import type { TrustSettings } from '../domain/trust-settings';

/**
 * A record as stored: the domain value plus an opaque `version` (a counter in SQLite, an eTag in
 * SharePoint). Updates send the version they read; a stale one is a `ConflictError`, never a
 * silent overwrite.
 */
export type Stored<T> = T & { version: string };

/** A value to create: the store gives it an id unless the caller brings one. */
export type New<T extends { id: string }> = Omit<T, 'id'> & { id?: string };

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last page. */
  nextCursor?: string;
}

export interface PageOptions {
  /** At most this many items (the adapter may return fewer, even zero, with a next cursor). */
  pageSize?: number;
  cursor?: string;
  signal?: AbortSignal;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * A listing read lazily, page by page, in the shape of the Azure SDK's list operations
 * (`PagedAsyncIterableIterator` in @azure/core-paging): iterate it for every item, or take it
 * `byPage` when a caller serves one page at a time (an API response with a cursor).
 */
export interface PagedList<T> extends AsyncIterable<T> {
  /** The pages, from `cursor` when given (pageSize and signal as in the options). */
  byPage(options?: PageOptions): AsyncIterableIterator<Page<T>>;
  /** Exactly one page: what a paged endpoint hands back. */
  page(options?: PageOptions): Promise<Page<T>>;
  /** Every item, every page read. */
  toArray(): Promise<T[]>;
}

export interface CreateOptions extends CallOptions {
  /**
   * The caller's key for this create. Creating again with the same key returns the first record
   * (`created: false`) instead of a duplicate, so a retried or replayed create is safe.
   */
  idempotencyKey: string;
}

export interface Created<T> {
  record: Stored<T>;
  created: boolean;
}

/** Records of one kind. Every kind can be listed by academy (the one indexed filter every adapter supports). */
export interface Collection<T extends { id: string }> {
  get(id: string, options?: CallOptions): Promise<Stored<T> | undefined>;
  /** Several by id in one go (the SharePoint adapter batches them); missing ids are left out. */
  getMany(ids: readonly string[], options?: CallOptions): Promise<Stored<T>[]>;
  create(value: New<T>, options: CreateOptions): Promise<Created<T>>;
  /** Writes `value` if its `version` is still current; throws `ConflictError` if not, `NotFoundError` if gone. */
  update(value: Stored<T>, options?: CallOptions): Promise<Stored<T>>;
  /** Removes it if `version` is still current. */
  remove(value: Pick<Stored<T>, 'id' | 'version'>, options?: CallOptions): Promise<void>;
  /** Every record in a stable order (by id), optionally only one academy's, read page by page. */
  list(query: { academyId?: string }, options?: PageOptions): PagedList<Stored<T>>;
}

/** Everything one academy's status is computed from, for one academic year. */
export interface AcademyStatusInputs {
  academy: Stored<Academy>;
  meetings: Stored<Meeting>[];
  actions: Stored<ActionItem>[];
  kpiTargets: Stored<KpiTarget>[];
  kpiDataPoints: Stored<KpiDataPoint>[];
  interventions: Stored<Intervention>[];
  escalations: Stored<EscalationEvent>[];
  supportDays: Stored<SupportDay>[];
  /** Set when some of these are the last good values because SharePoint did not answer (the dashboard says so). */
  stale?: StaleMark;
}

/** The record collections of the store, by the name of each on `RecordStore` (the audit log and history use these names too). */
export const RECORD_COLLECTIONS = [
  'academies',
  'people',
  'meetings',
  'actions',
  'kpiTargets',
  'kpiDataPoints',
  'interventions',
  'escalations',
  'supportDays',
  'monitoringForms',
] as const;

/** The port every host writes to: SQLite locally, SharePoint lists in a tenant. */
export interface RecordStore {
  readonly trust: {
    get(options?: CallOptions): Promise<Stored<TrustSettings> | undefined>;
    /** Creates the trust's settings, or updates them when `version` is given (stale → `ConflictError`). */
    save(value: TrustSettings & { version?: string }, options?: CallOptions): Promise<Stored<TrustSettings>>;
  };
  readonly academies: Collection<Academy>;
  readonly people: Collection<Person> & {
    byEmail(email: string, options?: CallOptions): Promise<Stored<Person> | undefined>;
    byEntraObjectId(oid: string, options?: CallOptions): Promise<Stored<Person> | undefined>;
  };
  readonly meetings: Collection<Meeting> & {
    /** Meetings (any status) whose first day is within [from, to], by date then id; optionally one academy's. */
    inRange(range: { from: LocalDate; to: LocalDate; academyId?: string }, options?: PageOptions): PagedList<Stored<Meeting>>;
  };
  readonly actions: Collection<ActionItem> & {
    /** Open and in-progress actions owned by a person, by due date then id. */
    openByOwner(ownerId: string, options?: PageOptions): PagedList<Stored<ActionItem>>;
  };
  readonly kpiTargets: Collection<KpiTarget>;
  readonly kpiDataPoints: Collection<KpiDataPoint>;
  readonly interventions: Collection<Intervention>;
  readonly escalations: Collection<EscalationEvent>;
  readonly supportDays: Collection<SupportDay>;
  readonly monitoringForms: Collection<MonitoringForm>;

  /** One academy's status inputs for a year (SharePoint: one `$batch`). */
  statusInputs(academyId: string, academicYear: string, options?: CallOptions): Promise<AcademyStatusInputs | undefined>;
  /** Status inputs for many academies at once, for the trust dashboard (SharePoint: `$batch`es of 20). */
  statusInputsForMany(academyIds: readonly string[], academicYear: string, options?: CallOptions): Promise<AcademyStatusInputs[]>;

  close(): Promise<void>;
}

const DEFAULT_PAGE_SIZE = 200;

/**
 * A `PagedList` over an adapter's one-page query. Nothing is read until it is iterated; each page
 * is fetched only when the one before it has been used, so a caller that stops early reads no more.
 */
export function pagedList<T>(fetchPage: (page: PageOptions) => Promise<Page<T>>, defaults: PageOptions = {}): PagedList<T> {
  async function* byPage(options: PageOptions = {}): AsyncGenerator<Page<T>> {
    const base = { ...defaults, ...options };
    let cursor = base.cursor;
    do {
      const page = await fetchPage({ ...base, pageSize: base.pageSize ?? DEFAULT_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      yield page;
      cursor = page.nextCursor;
    } while (cursor);
  }
  async function* items(): AsyncGenerator<T> {
    for await (const page of byPage()) yield* page.items;
  }
  return {
    [Symbol.asyncIterator]: items,
    byPage,
    page: (options = {}) => fetchPage({ ...defaults, ...options }),
    async toArray() {
      const out: T[] = [];
      for await (const item of items()) out.push(item);
      return out;
    },
  };
}

/** Every item of a query answered one page at a time (the audit log's `forRecord`); the store's own listings are `PagedList`s. */
export async function* allPages<T>(fetchPage: (page: PageOptions) => Promise<Page<T>>, pageSize = 200): AsyncGenerator<T> {
  yield* pagedList(fetchPage, { pageSize });
}

/** Collects an async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}
