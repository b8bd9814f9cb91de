import { z } from 'zod';
import academyPeople from './academy-people.json';
import academyStatus from './academy-status.json';
import escalation from './escalation.json';
import greeting from './greeting.json';
import help from './help.json';
import improving from './improving.json';
import interventions from './interventions.json';
import lastMeeting from './last-meeting.json';
import lexicon from './lexicon.json';
import meetingPapers from './meeting-papers.json';
import myActions from './my-actions.json';
import myPapers from './my-papers.json';
import myWork from './my-work.json';
import nextMeeting from './next-meeting.json';
import outOfScope from './out-of-scope.json';
import overdueActions from './overdue-actions.json';
import ragList from './rag-list.json';
import supportDays from './support-days.json';
import thanks from './thanks.json';
import trustOverview from './trust-overview.json';
import { INTENTS } from '../intents';

/**
 * The training corpus, kept as data (one JSON file per intent, British English). Imported rather
 * than read from disk so the Azure Functions bundle carries it. Placeholders stand for entities:
 * `{academy}`, `{date}`, `{kind}`, `{person}`, `{kpi}`; the classifier is trained on them masked,
 * so it learns the shape of a question, not the names of one trust's schools.
 */
const intentFileSchema = z.object({
  intent: z.enum(INTENTS),
  description: z.string().min(1),
  // The issue asks for at least 15 phrasings per intent.
  utterances: z.array(z.string().trim().min(1).max(300)).min(15),
});
export type IntentFile = z.infer<typeof intentFileSchema>;

const lexiconSchema = z.object({
  description: z.string(),
  roles: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  rag: z.object({ red: z.array(z.string()).min(1), amber: z.array(z.string()).min(1), green: z.array(z.string()).min(1) }),
  kpis: z.record(z.string(), z.object({ say: z.array(z.string().min(1)).min(1), measures: z.array(z.string().min(1)).min(1) })),
  commonWords: z.array(z.string().min(1)),
});
export type Lexicon = z.infer<typeof lexiconSchema>;

const files = [
  greeting,
  thanks,
  help,
  academyStatus,
  trustOverview,
  ragList,
  nextMeeting,
  meetingPapers,
  overdueActions,
  academyPeople,
  lastMeeting,
  improving,
  supportDays,
  interventions,
  escalation,
  myPapers,
  myActions,
  myWork,
  outOfScope,
];

/** Every intent's training utterances, checked: a corpus file that breaks the schema stops the bot at start-up, not mid-conversation. */
export const CORPUS: readonly IntentFile[] = files.map((f) => intentFileSchema.parse(f));

/** Roles, RAG words, KPIs and common words for the entity extractor. */
export const LEXICON: Lexicon = lexiconSchema.parse(lexicon);
