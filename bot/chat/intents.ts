import type { LocalDate } from '../../core/domain/local-date';

/** Every intent the classifier is trained on; `out-of-scope` is trained too, so "book me a taxi" is not forced into a question we answer. */
export const INTENTS = [
  'greeting',
  'thanks',
  'help',
  'academy-status',
  'trust-overview',
  'rag-list',
  'next-meeting',
  'meeting-papers',
  'overdue-actions',
  'academy-people',
  'last-meeting',
  'improving',
  'support-days',
  'interventions',
  'escalation',
  'my-papers',
  'my-actions',
  'my-work',
  'out-of-scope',
] as const;
export type TrainedIntent = (typeof INTENTS)[number];

/** What a message asks: a trained intent, or `unknown` when the classifier is not sure (or it is out of scope). */
export type IntentName = Exclude<TrainedIntent, 'out-of-scope'> | 'unknown';

/** Kinds of entity the extractor finds. */
export type SlotName = 'academy' | 'rag' | 'role' | 'kind' | 'date' | 'kpi' | 'person';

/**
 * The entities each intent reads (its slots); the rest of what the extractor finds is ignored for
 * that question, so "can you tell me which schools are red" is not about a person called "me".
 */
export const INTENT_SLOTS: Record<IntentName, readonly SlotName[]> = {
  greeting: [],
  thanks: [],
  help: [],
  unknown: [],
  'academy-status': ['academy'],
  'trust-overview': [],
  'rag-list': ['rag'],
  'next-meeting': ['academy', 'kind', 'date', 'person'],
  'meeting-papers': ['academy', 'kind', 'date'],
  'overdue-actions': ['academy', 'person'],
  'academy-people': ['academy', 'role'],
  'last-meeting': ['academy', 'kind'],
  improving: ['academy', 'kpi'],
  'support-days': ['academy'],
  interventions: ['academy'],
  escalation: ['academy'],
  'my-papers': [],
  'my-actions': [],
  'my-work': [],
};

export type RagWord = 'red' | 'amber' | 'green';

/** A role named in a question: `meeting-chair` ("who chairs"), `chair` when it could be the chair of governors or of the meetings. */
export type RoleWord = 'head' | 'chair-lgb' | 'meeting-chair' | 'chair' | 'improvement-director' | 'governor';

/** An academy named in a question: one, or several close matches to ask about. */
export type AcademyEntity =
  { kind: 'one'; id: string; name: string } | { kind: 'several'; candidates: { id: string; name: string }[]; said: string };

/** A date or range of dates named in a question ("this week", "before half term", "in January"), both ends included. */
export interface DateRangeEntity {
  from: LocalDate;
  to: LocalDate;
  /** The words that said it, for the reply ("before half term"). */
  said: string;
}

/** The entities of one message, each only when its intent reads it. */
export interface Entities {
  academy?: AcademyEntity;
  rag?: RagWord;
  role?: RoleWord;
  /** A meeting kind of the trust's model, by id. */
  kind?: string;
  date?: DateRangeEntity;
  /** A KPI by the lexicon's key, with the words of the measures it means. */
  kpi?: { key: string; measures: readonly string[] };
  /** "me", or someone the viewer may see, named in full. */
  person?: { kind: 'me' } | { kind: 'named'; id: string; name: string };
}

/** What the bot understood of one message. */
export interface Understanding {
  intent: IntentName;
  /** The classifier's confidence in `intent` (0–1); 0 for rules that need none (an empty message). */
  score: number;
  entities: Entities;
  /** Every entity found, whatever the intent reads (the evaluation scores extraction apart from classification). */
  found: Entities;
  /**
   * No academy was found, but the message has a word neither the corpus nor the lexicon knows ("what's
   * overdue at Greenfield"): perhaps a school the trust does not have. The bot says it did not
   * recognise a name, and never makes one out of the word.
   */
  unrecognisedName: boolean;
  /** The message as read (normalised), and with its entities masked as the classifier saw it. */
  text: string;
  masked: string;
}
