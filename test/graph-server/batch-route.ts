import { batchLayoutProblem } from '../../core/adapters/graph/batch';
import { badRequest, graphError, type RouteResponse } from './graph-errors';

/** One request inside a `$batch` as sent. */
interface BatchRequest {
  id?: unknown;
  method?: unknown;
  url?: unknown;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: unknown;
}

/** Runs one request of a batch. */
export type SubDispatch = (
  method: string,
  url: string,
  headers: Record<string, string>,
  body: unknown,
) => RouteResponse | Promise<RouteResponse>;

/**
 * POST /$batch as json-batching.md describes it: at most 20 requests, unique ids, `dependsOn`
 * (a failed dependency gives 424), responses in any order, outer status 200 once the batch parses.
 * Requests with nothing left to wait for run at the same time, as Graph runs them in parallel
 * (so five to one mailbox at once meet Outlook's concurrency limit); `dependsOn` sequences them.
 * A batch must be fully parallel or fully sequential: anything else is the 400 Graph gives
 * (json-batching.md; microsoftgraph/microsoft-graph-docs#16280).
 */
export async function routeBatch(body: unknown, dispatch: SubDispatch, shuffle: <T>(xs: T[]) => T[]): Promise<RouteResponse> {
  const requests = (body as { requests?: BatchRequest[] } | undefined)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) return badRequest('Invalid batch payload format.');
  if (requests.length > 20) return badRequest('Number of requests inside batch exceeds the limit.');
  const ids = new Set<string>();
  for (const r of requests) {
    if (typeof r.id !== 'string' || typeof r.method !== 'string' || typeof r.url !== 'string')
      return badRequest('Each batch request needs an id, a method and a url.');
    if (ids.has(r.id.toLowerCase())) return badRequest(`Batch request id ${r.id} is not unique.`);
    ids.add(r.id.toLowerCase());
    if (r.body !== undefined && !Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
      return badRequest(`Batch request ${r.id} has a body but no Content-Type header.`);
    }
  }
  const results = new Map<string, RouteResponse>();
  const pending = [...requests];
  for (const r of pending)
    if (asIds(r.dependsOn).some((d) => !ids.has(d.toLowerCase()))) return badRequest('dependsOn names a request that is not in the batch.');
  const layout = batchLayoutProblem(requests.map((r) => ({ id: r.id as string, dependsOn: asIds(r.dependsOn) })));
  if (layout) return badRequest(layout);
  // Every request whose dependencies have answered runs now, together; a cycle is refused.
  while (pending.length > 0) {
    const ready = pending.filter((r) => asIds(r.dependsOn).every((d) => results.has(d)));
    if (ready.length === 0) return badRequest('dependsOn forms a cycle.');
    for (const r of ready) pending.splice(pending.indexOf(r), 1);
    const answers = await Promise.all(
      ready.map(async (r) => {
        const failedDependency = asIds(r.dependsOn).some((d) => (results.get(d)?.status ?? 500) >= 400);
        return failedDependency
          ? graphError(424, 'failedDependency', 'A request this one depends on failed.')
          : dispatch(r.method as string, r.url as string, r.headers ?? {}, r.body);
      }),
    );
    ready.forEach((r, i) => results.set(r.id as string, answers[i]!));
  }
  const responses = shuffle(
    [...results.entries()].map(([id, res]) => ({
      id,
      status: res.status,
      headers: res.headers ?? {},
      ...(res.body === undefined ? {} : { body: res.body }),
    })),
  );
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body: { responses } };
}

const asIds = (x: unknown): string[] => (Array.isArray(x) ? x.filter((d): d is string => typeof d === 'string') : []);
