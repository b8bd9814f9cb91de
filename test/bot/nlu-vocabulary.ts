import type { ChatVocabulary } from '../../bot/chat/understand';
import { preset } from '../../core/domain/models/presets';
import { DEFAULT_TERM_DATES } from '../../core/domain/school-year/term-dates.data';
import { DEMO_ACADEMIES, demoPeople } from '../../core/seed/demo-trust.data';

/**
 * What the CEO's session gives chat to read messages against on the demo trust (`session.chatVocabulary()`),
 * built from the seed's own data so the evaluation needs no store: every academy, the DSAT model's
 * meeting kinds, the default term dates and every person.
 */
export function demoChatVocabulary(today = '2026-11-23'): ChatVocabulary {
  return {
    today,
    academies: DEMO_ACADEMIES.map((a) => ({ id: a.id, name: a.name, aliases: [...a.aliases] })),
    meetingKinds: preset('dsat').meetingKinds.map((k) => ({ id: k.id, name: k.name, abbreviation: k.abbreviation })),
    halfTerms: DEFAULT_TERM_DATES.flatMap((y) => y.halfTerms),
    people: demoPeople().map((p) => ({ id: p.id, name: p.name })),
  };
}
