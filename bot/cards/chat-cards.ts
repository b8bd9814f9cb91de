import { adaptiveCard, execute, heading, text, type AdaptiveCard } from './adaptive-card';
import { md, type CardText } from './card-text';

/** What the bot can do, with examples a person can tap. */
export function helpCard(options: { seesWholeTrust: boolean; name: string }): AdaptiveCard {
  const lines = options.seesWholeTrust
    ? [
        '“anything I should worry about?” or “show me the dashboard”',
        '“how is Oakfield doing?”, “is Willow Bank improving?”',
        '“which schools are red?” (or amber, green)',
        '“when is the next AIM for Riverside?”, “any meetings in January?”',
        '“has Northgate sent its papers?”, “who hasn’t sent papers this week?”',
        '“what actions are overdue across the trust?”, “what’s overdue at Brook Lane?”',
        '“who chairs Kingsmead’s meetings?”, “who’s the head at Elmwood?”',
        '“what did the last meeting at Castle View decide?”',
        '“support days left at Hill Top”, “interventions at Hill Top”, “where is Brook Lane on the escalation ladder?”',
        '“my papers”, “my actions”, “what do I owe?”, “when’s my next meeting?”',
      ]
    : [
        '“how are we doing?”, “are we improving?”',
        '“what do I owe?”: your papers, actions and approvals',
        '“my papers”: the papers you owe, with buttons to mark them in, ask for an extension or send apologies',
        '“my actions”: your actions, to update',
        '“when’s my next meeting?”, “what did the last meeting decide?”',
        '“what’s overdue?”, “support days left”, “who chairs our meetings?”',
      ];
  return adaptiveCard([
    heading(`Hello ${options.name}, here is what I can do`),
    ...lines.map((l) => text(`• ${l}`, { spacing: 'None' })),
    text(
      md`
Type **help** at any time.
      `,
      { isSubtle: true },
    ),
  ]);
}

/** Two or more academies matched: ask with buttons. */
export function chooseAcademyCard(
  query: string,
  candidates: readonly { id: string; name: string }[],
  verb = 'academy.status',
): AdaptiveCard {
  return adaptiveCard([text(`Which academy did you mean by “${query}”?`)], {
    actions: candidates.slice(0, 5).map((c) => execute(c.name, verb, { academyId: c.id })),
  });
}

/** A short answer in a card (refusals, not-found, confirmations): a plain string shows as typed, `md` keeps markdown. */
export function noticeCard(message: CardText, options: { title?: CardText; tone?: 'info' | 'problem' | 'done' } = {}): AdaptiveCard {
  const colour = options.tone === 'problem' ? 'Attention' : options.tone === 'done' ? 'Good' : 'Default';
  return adaptiveCard([...(options.title ? [heading(options.title)] : []), text(message, { color: colour })]);
}
