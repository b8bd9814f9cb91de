import { adaptiveCard, execute, heading, text, type AdaptiveCard } from './adaptive-card';
import { md, type CardText } from './card-text';

/** What the bot can do, with examples a person can tap. */
export function helpCard(options: { seesWholeTrust: boolean; name: string }): AdaptiveCard {
  const lines = options.seesWholeTrust
    ? ['“how is Oakfield doing?” or “status of st marys”', '“which schools are red?” (or amber, green)', '“what’s overdue at Brook Lane?”', '“who hasn’t sent papers for this week’s meetings?”', '“next meetings” or “next meetings at Riverside”', '“support days left at Hill Top”', '“my papers”, “my actions”']
    : ['“how are we doing?” or your school’s name: its status', '“what’s overdue?”', '“next meetings”', '“support days left”', '“my papers”: the papers you owe, with buttons to mark them in, ask for an extension or send apologies', '“my actions”: your actions, to update'];
  return adaptiveCard([heading(`Hello ${options.name}, here is what I can do`), ...lines.map((l) => text(`• ${l}`, { spacing: 'None' })), text(md`Type **help** at any time.`, { isSubtle: true })]);
}

/** Two or more academies matched: ask with buttons. */
export function chooseAcademyCard(query: string, candidates: readonly { id: string; name: string }[], verb = 'academy.status'): AdaptiveCard {
  return adaptiveCard([text(`Which academy did you mean by “${query}”?`)], { actions: candidates.slice(0, 5).map((c) => execute(c.name, verb, { academyId: c.id })) });
}

/** A short answer in a card (refusals, not-found, confirmations): a plain string shows as typed, `md` keeps markdown. */
export function noticeCard(message: CardText, options: { title?: CardText; tone?: 'info' | 'problem' | 'done' } = {}): AdaptiveCard {
  const colour = options.tone === 'problem' ? 'Attention' : options.tone === 'done' ? 'Good' : 'Default';
  return adaptiveCard([...(options.title ? [heading(options.title)] : []), text(message, { color: colour })]);
}
