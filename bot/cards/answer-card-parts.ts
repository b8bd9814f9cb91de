import type { RagLevel } from '../../core/domain/models/improvement-model.schema';
import { text, type TextBlock } from './adaptive-card';
import { md } from './card-text';

/** What a chat answer service gives back. */
export type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/** A RAG rating in the colours Teams gives a card's text. */
export const RAG_COLOUR: Record<RagLevel, TextBlock['color']> = { red: 'Attention', amber: 'Warning', green: 'Good' };
/** One line of a list; a string is escaped as user text, an `md` template keeps its markdown. */
export const bullet = (t: Parameters<typeof text>[0]) => text(typeof t === 'string' ? `• ${t}` : md`• ${t}`, { spacing: 'None' });
/** A quiet line under a heading: a note, or what to say next. */
export const subtle = (t: string) => text(t, { isSubtle: true, spacing: 'Small' });
