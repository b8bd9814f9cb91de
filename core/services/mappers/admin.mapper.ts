import type { Academy } from '../../domain/academy';
import type { Person } from '../../domain/people';
import type { Stored } from '../../ports/record-store.port';
import { academyListItem, personListItem } from './people-and-academies.mapper';

/** Settings' view of an academy: the list's fields and those the trust admin edits, with the version to send back. */
export const academyAdminItem = (a: Stored<Academy>) => ({
  ...academyListItem(a),
  ofstedDate: a.ofstedDate,
  inOfstedWindow: a.inOfstedWindow,
  sponsored: a.sponsored,
  riskBand: a.riskBand,
  improvementDirectorId: a.improvementDirectorId,
  improvementBudgetPence: a.improvementBudgetPence,
  /** What the academy asked for under the model (DSAT's iAIMs, KGA's 2-day QA review); PATCH takes it too. */
  requests: [...a.requests],
  version: a.version,
});

/** Settings' view of a person: the list's fields, every role (no Entra object id), and the version. */
export const personAdminItem = (p: Stored<Person>) => ({ ...personListItem(p), version: p.version });
