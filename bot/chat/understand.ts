import type { LocalDate } from '../../core/domain/local-date';
import type { HalfTermDates } from '../../core/domain/school-year/school-calendar';
import type { NamedAcademy } from './academy-matcher';
import { createAcademyFinder } from './academy-mentions';
import { chatTokens, expandContractions, normaliseChatText, type ChatToken } from './chat-text';
import { LEXICON } from './corpus';
import { findDateMention } from './date-mentions';
import { INTENT_SLOTS, type Entities, type IntentName, type RagWord, type RoleWord, type Understanding } from './intents';
import { languageModel, MASKS, type LanguageModel, type LexiconMention, type MaskedSlot } from './language-model';
import { createMeetingKindFinder, type NamedMeetingKind } from './meeting-kind-mentions';
import { createPersonFinder, type NamedPerson } from './person-mentions';

/** What the bot knows of the viewer's trust when it reads a message: its academies, meeting kinds, half terms and the people the viewer may see. */
export interface ChatVocabulary {
  today: LocalDate;
  academies: readonly NamedAcademy[];
  meetingKinds: readonly NamedMeetingKind[];
  halfTerms: readonly HalfTermDates[];
  people: readonly NamedPerson[];
}

/**
 * Below this the classifier is guessing: the bot says it did not understand rather than answer a
 * question nobody asked. Chosen on the evaluation set (`test/bot/nlu-evaluation.json`): out-of-scope
 * questions score under it, real ones above.
 */
export const MIN_INTENT_SCORE = 0.6;

// Words that make a question about the person asking: "my next meeting", "what have I got overdue",
// "meetings for me". Not "show me" or "tell me", which ask for something else.
const SELF =
  /\b(?:my|mine|myself|i'm|im|i've|ive|i'll)\b|\b(?:for|to|with|on) me\b|\b(?:do|am|have|did|should|will|shall) i\b|\bi (?:have|own|chair|need|owe|am|attend|got|must)\b/;

const finders = new WeakMap<ChatVocabulary, ReturnType<typeof buildFinders>>();
function buildFinders(vocabulary: ChatVocabulary, model: LanguageModel) {
  return {
    academies: createAcademyFinder(vocabulary.academies, model.commonWords),
    kinds: createMeetingKindFinder(vocabulary.meetingKinds),
    people: createPersonFinder(vocabulary.people),
  };
}

/** Token indices covered by a character span of the normalised text. */
const tokensIn = (tokens: readonly ChatToken[], start: number, end: number): number[] =>
  tokens.flatMap((t, i) => (t.start < end && start < t.end ? [i] : []));

/**
 * Reads one chat message: finds its entities (people the viewer may see, academies with fuse.js,
 * meeting kinds from the trust's model, dates with chrono-node and the school calendar, roles, RAG
 * words and KPIs with NLP.js's named-entity rules), masks them, and asks the trained NLP.js
 * classifier what the masked question is. Any input is safe; nothing here reads or writes records.
 */
export async function understand(input: unknown, vocabulary: ChatVocabulary): Promise<Understanding> {
  const text = normaliseChatText(input);
  if (text === '') return { intent: 'help', score: 1, entities: {}, found: {}, unrecognisedName: false, text, masked: '' };
  const model = await languageModel();
  let find = finders.get(vocabulary);
  if (!find) finders.set(vocabulary, (find = buildFinders(vocabulary, model)));
  const tokens = chatTokens(text);
  const claimed = new Set<number>();
  const masks = new Map<number, { to: number; slot: MaskedSlot }>();
  const claim = (from: number, to: number, slot?: MaskedSlot) => {
    for (let i = from; i < to; i++) claimed.add(i);
    if (slot) masks.set(from, { to, slot });
  };
  const found: Entities = {};

  const person = find.people(tokens);
  if (person) {
    claim(person.from, person.to, 'person');
    found.person = { kind: 'named', id: person.person.id, name: person.person.name };
  }
  const academies = find.academies(tokens, claimed);
  for (const a of academies) claim(a.from, a.to, 'academy');
  const first = academies[0];
  if (first) {
    found.academy =
      first.match.kind === 'one'
        ? { kind: 'one', id: first.match.academy.id, name: first.match.academy.name }
        : {
            kind: 'several',
            candidates: first.match.candidates.map((a) => ({ id: a.id, name: a.name })),
            said: tokens
              .slice(first.from, first.to)
              .map((t) => t.text)
              .join(' '),
          };
  }
  const kind = find.kinds(tokens, claimed);
  if (kind) {
    claim(kind.from, kind.to, 'kind');
    found.kind = kind.kindId;
  }
  const date = findDateMention(text, { today: vocabulary.today, halfTerms: vocabulary.halfTerms });
  if (date) {
    const at = tokensIn(tokens, date.start, date.end);
    if (at.length && !at.some((i) => claimed.has(i))) {
      claim(at[0]!, at.at(-1)! + 1, 'date');
      found.date = { from: date.from, to: date.to, said: date.said };
    }
  }
  // Longest first, so "chair of governors" wins over "governors" and "chair".
  const lexical = joinChairOfGovernors(text, await model.lexiconMentions(text)).sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  for (const m of lexical) {
    const at = tokensIn(tokens, m.start, m.end);
    if (!at.length || at.some((i) => claimed.has(i))) continue;
    if (m.entity === 'kpi' && !found.kpi) {
      claim(at[0]!, at.at(-1)! + 1, 'kpi');
      found.kpi = { key: m.option, measures: LEXICON.kpis[m.option]?.measures ?? [] };
    } else if (m.entity === 'role' && !found.role) {
      claim(at[0]!, at.at(-1)! + 1);
      found.role = m.option as RoleWord;
    } else if (m.entity === 'rag' && !found.rag) {
      claim(at[0]!, at.at(-1)! + 1);
      found.rag = m.option as RagWord;
    }
  }
  if (!found.person && SELF.test(text)) found.person = { kind: 'me' };

  const masked: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const mask = masks.get(i);
    if (mask) {
      masked.push(MASKS[mask.slot]);
      i = mask.to - 1;
    } else masked.push(tokens[i]!.text);
  }
  const maskedText = expandContractions(masked.join(' '));
  const unrecognisedName =
    !found.academy && tokens.some((t, i) => !claimed.has(i) && /^[a-z]{4,}$/.test(t.bare) && !model.commonWords.has(t.bare));
  const [best] = await model.classify(maskedText);
  const intent: IntentName =
    !best || best.intent === 'None' || best.intent === 'out-of-scope' || best.score < MIN_INTENT_SCORE ? 'unknown' : best.intent;
  return { intent, score: best?.score ?? 0, entities: slotsOf(intent, found), found, unrecognisedName, text, masked: maskedText };
}

/**
 * NLP.js keeps the closest of overlapping matches, so with a typo ("chair of govenors") it finds
 * "chair" and "governors" apart; read together, with only "of (the)" between them, they are the
 * chair of governors.
 */
function joinChairOfGovernors(text: string, found: LexiconMention[]): LexiconMention[] {
  const chair = found.find((m) => m.entity === 'role' && m.option === 'chair');
  const governors = found.find(
    (m) =>
      m.entity === 'role' &&
      m.option === 'governor' &&
      chair &&
      m.start > chair.end &&
      /^ (?:of )?(?:the )?$/.test(text.slice(chair.end, m.start)),
  );
  if (!chair || !governors) return found;
  return [
    ...found.filter((m) => m !== chair && m !== governors),
    { entity: 'role', option: 'chair-lgb', start: chair.start, end: governors.end, accuracy: Math.min(chair.accuracy, governors.accuracy) },
  ];
}

/** Only the entities the intent reads. */
export function slotsOf(intent: IntentName, found: Entities): Entities {
  const out: Entities = {};
  for (const slot of INTENT_SLOTS[intent]) if (found[slot] !== undefined) (out as Record<string, unknown>)[slot] = found[slot];
  return out;
}
