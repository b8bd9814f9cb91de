import { formatDate } from '../domain/format/dates';
import { meetingName } from '../domain/format/names';
import type { RecordStore } from '../ports/record-store.port';

type Fields = Record<string, unknown>;
const str = (r: Fields, key: string): string | undefined => (typeof r[key] === 'string' ? r[key] : undefined);
/** A person's own words quoted, cut so a long action does not swamp the sentence. */
const quoted = (s: string): string => `“${s.length > 60 ? `${s.slice(0, 59)}…` : s}”`;

/**
 * A stored record named as people know it, for a sentence about it ("the AIM at Oakfield Primary on
 * Wed 22 Jan 2027", "the action “Review phonics”"). The store only has ids; this reads the academy
 * and the trust's model to find the words. Undefined when the record has nothing better than its id.
 */
export async function describeRecord(store: RecordStore, collection: string, record: object | undefined): Promise<string | undefined> {
  if (!record) return undefined;
  const r = record as Fields;
  const academyId = str(r, 'academyId');
  const academyName = academyId ? (await store.academies.get(academyId).catch(() => undefined))?.name : undefined;
  const at = academyName ? ` at ${academyName}` : '';
  switch (collection) {
    case 'meetings': {
      const model = (await store.trust.get().catch(() => undefined))?.model;
      const kindId = str(r, 'kind') ?? '';
      const kind = model?.meetingKinds.find((k) => k.id === kindId)?.abbreviation ?? 'meeting';
      return meetingName({ kind, academyName, date: str(r, 'date') });
    }
    case 'academies':
      return str(r, 'name');
    case 'people':
      return str(r, 'name') ? `${str(r, 'name')}’s record` : undefined;
    case 'actions':
      return str(r, 'text') ? `the action ${quoted(str(r, 'text')!)}${at}` : undefined;
    case 'kpiTargets':
      return str(r, 'measure') ? `the ${str(r, 'measure')} target${at}` : undefined;
    case 'interventions':
      return str(r, 'title') ? `the intervention ${quoted(str(r, 'title')!)}${at}` : undefined;
    case 'supportDays':
      return str(r, 'date') ? `the support day${at} on ${formatDate(str(r, 'date')!)}` : undefined;
    case 'monitoringForms':
      return `the monitoring form${at}`;
    case 'escalations':
      return academyName ? `the escalation ladder of ${academyName}` : undefined;
    case 'kpiDataPoints':
      return `the KPI value${at}`;
    default:
      return undefined;
  }
}
