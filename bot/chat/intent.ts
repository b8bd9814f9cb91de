import { z } from 'zod';
import { normaliseChatText } from './chat-text';

/** What a chat message asks for. `academy` is the words naming a school, still to be matched. */
export const intentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('help') }),
  z.object({ kind: z.literal('greeting') }),
  z.object({ kind: z.literal('status'), academy: z.string().min(1).max(200).optional() }),
  z.object({ kind: z.literal('rag-list'), level: z.enum(['red', 'amber', 'green']) }),
  z.object({ kind: z.literal('overdue'), academy: z.string().min(1).max(200).optional() }),
  z.object({ kind: z.literal('missing-papers') }),
  z.object({ kind: z.literal('next-meetings'), academy: z.string().min(1).max(200).optional() }),
  z.object({ kind: z.literal('support-days'), academy: z.string().min(1).max(200).optional() }),
  z.object({ kind: z.literal('my-papers') }),
  z.object({ kind: z.literal('my-actions') }),
  z.object({ kind: z.literal('unknown'), text: z.string().max(500) }),
]);
export type Intent = z.infer<typeof intentSchema>;

/** Filler words around an academy's name ("how is Oakfield doing", "status of st marys please"). */
const FILLER = /\b(please|thanks|thank you|the|school|academy|doing|getting on|going|at|of|for|in|on|about|is|are|how|hows|how's|what's|whats|what|status|update|tell me|show me|show|me|can you|could you|give me|left|remaining|now|today|this week|our|we|us|my)\b/g;

/** The academy words left once the question words are taken out; undefined when nothing is left. */
function academyWords(text: string, ...remove: RegExp[]): string | undefined {
  let s = ` ${text} `;
  for (const r of remove) s = s.replace(r, ' ');
  s = s.replace(FILLER, ' ').replace(/'s\b/g, "'s").replace(/\s+/g, ' ').trim();
  return s.length >= 2 ? s.slice(0, 200) : undefined;
}

/**
 * Reads a chat message as an intent. Rules are tried in order; anything left over with words in it
 * is taken as an academy's name ("oakfield?" asks for its status). Any input is safe: the result
 * always passes `intentSchema`.
 */
export function parseIntent(input: unknown): Intent {
  const t = normaliseChatText(input);
  const intent = classify(t);
  const checked = intentSchema.safeParse(intent);
  return checked.success ? checked.data : { kind: 'unknown', text: t.slice(0, 500) };
}

function classify(t: string): Intent {
  if (t === '') return { kind: 'help' };
  if (/^(help|\?|what can you do|commands|menu|start)\b/.test(t) || /\bhelp\b/.test(t)) return { kind: 'help' };
  if (/^(hi|hello|hey|good (morning|afternoon|evening))( there| bot)?$/.test(t)) return { kind: 'greeting' };
  const rag = /\b(which|what|list|show|any)\b.*\b(red|amber|green)\b|\b(red|amber|green) (schools|academies)\b/.exec(t);
  if (rag) return { kind: 'rag-list', level: (rag[2] ?? rag[3]) as 'red' | 'amber' | 'green' };
  if (/\b(who|which)\b.*\b(hasn't|hasnt|has not|haven't|havent|not)\b.*\bpapers?\b|\b(missing|outstanding|late) papers\b/.test(t)) return { kind: 'missing-papers' };
  if (/^my papers\b|\bpapers (i owe|due from me)\b|\bmy deadlines?\b/.test(t)) return { kind: 'my-papers' };
  if (/^my actions\b|\bactions i own\b/.test(t)) return { kind: 'my-actions' };
  if (/\boverdue\b|\blate\b|\bbehind\b/.test(t)) return withAcademy('overdue', academyWords(t, /\b(overdue|late|behind|anything|actions?|papers?)\b/g));
  if (/\b(next|upcoming|coming up)\b.*\bmeetings?\b|\bmeetings?\b.*\b(next|coming|soon)\b|^meetings?\b/.test(t)) return withAcademy('next-meetings', academyWords(t, /\b(next|upcoming|coming up|coming|soon|meetings?|when|are|the)\b/g));
  if (/\bsupport days?\b|\bdays? (left|remaining)\b|\bbudget\b/.test(t)) return withAcademy('support-days', academyWords(t, /\b(support|days?|budget|how many|many|used|spent)\b/g));
  const rest = academyWords(t, /\b(rag|position|report|dashboard)\b/g);
  if (/\b(how|status|doing|update|position|rag)\b/.test(t)) return withAcademy('status', rest);
  if (rest && rest.split(' ').length <= 6) return { kind: 'status', academy: rest };
  return { kind: 'unknown', text: t };
}

function withAcademy<K extends 'status' | 'overdue' | 'next-meetings' | 'support-days'>(kind: K, academy: string | undefined): Intent {
  return (academy ? { kind, academy } : { kind }) as Intent;
}
