import type { Academy } from '../domain/academy';
import type { ActionItem } from '../domain/action-item';
import type { EscalationEvent } from '../domain/escalation';
import type { Intervention } from '../domain/intervention';
import type { KpiDataPoint, KpiTarget } from '../domain/kpi';
import type { LocalDate } from '../domain/local-date';
import type { Meeting, MeetingPaper } from '../domain/meeting';
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
  /** One page, in a stable order (by id), optionally only one academy's. */
  list(query: { academyId?: string }, page?: PageOptions): Promise<Page<Stored<T>>>;
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
}

export interface OverduePaper {
  meeting: Stored<Meeting>;
  paper: MeetingPaper;
}

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
    inRange(range: { from: LocalDate; to: LocalDate; academyId?: string }, page?: PageOptions): Promise<Page<Stored<Meeting>>>;
    /** Planned meetings with a paper not in whose (extended) deadline is before `today`. */
    overduePapers(today: LocalDate, options?: CallOptions): Promise<OverduePaper[]>;
  };
  readonly actions: Collection<ActionItem> & {
    /** Open and in-progress actions owned by a person, by due date then id. */
    openByOwner(ownerId: string, page?: PageOptions): Promise<Page<Stored<ActionItem>>>;
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

/** Every item of a collection query, page after page. */
export async function* allPages<T>(fetchPage: (page: PageOptions) => Promise<Page<T>>, pageSize = 200): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage({ pageSize, ...(cursor ? { cursor } : {}) });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}

/** Collects an async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}
