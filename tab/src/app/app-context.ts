import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/api-client';
import type { AcademyItem, ImprovementModel, Me, PersonItem } from '../api/api-types';

/** What every page needs: the API, who is signed in, and the trust's names for people, academies and meeting kinds. */
export interface AppContextValue {
  api: ApiClient;
  me: Me;
  mode: 'teams' | 'local';
  people: Map<string, PersonItem>;
  academies: Map<string, AcademyItem>;
  model: ImprovementModel;
  /** Changes the dev identity (local mode only). */
  setDevPerson?: (id: string) => void;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

/** The app context; pages render only inside it. */
export function useAppContext(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useAppContext outside <AppContext>');
  return ctx;
}

/** A person's name, or their id when they are outside what the viewer may see. */
export const nameOf = (ctx: Pick<AppContextValue, 'people'>, id: string | undefined): string =>
  id ? (ctx.people.get(id)?.name ?? id) : '—';
/** An academy's name; a trust meeting's "academy" (`TRUST_MEETING_ACADEMY_ID`) reads as the trust. */
export const academyName = (ctx: Pick<AppContextValue, 'academies'>, id: string): string =>
  ctx.academies.get(id)?.name ?? (id === '(trust)' ? 'the trust' : id);
// A trust meeting's kind (a heads' forum, issue 17) is one of the model's trust meetings, not its academy meeting kinds.
export const kindName = (ctx: Pick<AppContextValue, 'model'>, id: string): string =>
  ctx.model.meetingKinds.find((k) => k.id === id)?.name ?? ctx.model.trustMeetings?.find((k) => k.id === id)?.name ?? id;
export const kindAbbreviation = (ctx: Pick<AppContextValue, 'model'>, id: string): string =>
  ctx.model.meetingKinds.find((k) => k.id === id)?.abbreviation ?? ctx.model.trustMeetings?.find((k) => k.id === id)?.abbreviation ?? id;
export const areaLabel = (ctx: Pick<AppContextValue, 'model'>, id: string): string =>
  ctx.model.inspectionAreas.find((a) => a.id === id)?.label ?? ctx.model.formerInspectionAreas?.find((a) => a.id === id)?.label ?? id; // former: headings of past meetings (issue 17)
