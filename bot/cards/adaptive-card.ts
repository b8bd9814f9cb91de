import { toMarkdown, type CardText } from './card-text';

/**
 * Adaptive Card shapes the bot sends, as plain typed data (teams.ts `cards/`: cards are data,
 * never strings). Version 1.5 because Universal Actions (`Action.Execute`, `refresh`) arrive in
 * 1.5 ("Work with Universal Actions for Adaptive Cards", learn.microsoft.com/microsoftteams/platform).
 */
export const CARD_VERSION = '1.5';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Default' | 'Bolder' | 'Lighter';
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  color?: 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
}
export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}
export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  separator?: boolean;
}
export interface InputText {
  type: 'Input.Text';
  id: string;
  label: string;
  value?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
  isRequired?: boolean;
  errorMessage?: string;
}
export interface InputDate {
  type: 'Input.Date';
  id: string;
  label: string;
  value?: string;
  isRequired?: boolean;
  errorMessage?: string;
}
export interface InputChoiceSet {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  choices: { title: string; value: string }[];
  value?: string;
  style?: 'compact' | 'expanded';
  isMultiSelect?: boolean;
  isRequired?: boolean;
  errorMessage?: string;
}
export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}
export type CardElement = TextBlock | FactSet | Container | InputText | InputDate | InputChoiceSet | ActionSet;

/** Data every Execute action carries back; `verb` says what to do, the rest are ids and the version read. */
export type ActionData = Record<string, string | number | boolean>;

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data?: ActionData;
  style?: 'default' | 'positive' | 'destructive';
}
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}
export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: { type: 'AdaptiveCard'; body: CardElement[]; actions?: CardAction[] };
}
export type CardAction = ExecuteAction | OpenUrlAction | ShowCardAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: CardAction[];
  /**
   * Universal Actions refresh: Teams sends `adaptiveCard/action` with this verb for each listed
   * user who views the card (at most 60 userIds), so everyone sees the current state.
   */
  refresh?: { action: { type: 'Action.Execute'; verb: string; data?: ActionData }; userIds: string[] };
  fallbackText?: string;
}

/** A card from its body and actions. */
export function adaptiveCard(
  body: CardElement[],
  options: { actions?: CardAction[]; refresh?: AdaptiveCard['refresh']; fallbackText?: string } = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(options.actions && options.actions.length ? { actions: options.actions } : {}),
    ...(options.refresh ? { refresh: options.refresh } : {}),
    ...(options.fallbackText ? { fallbackText: options.fallbackText } : {}),
  };
}

/** A wrapped text block; a plain string shows as typed (escaped), `md` text keeps the builder's markdown. */
export const text = (t: CardText, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock => ({
  type: 'TextBlock',
  text: toMarkdown(t),
  wrap: true,
  ...options,
});

/** A card title. */
export const heading = (t: CardText): TextBlock => text(t, { size: 'Medium', weight: 'Bolder' });

/** A fact set, leaving out facts with no value. Teams renders markdown in both title and value, so both are escaped. */
export const facts = (pairs: readonly (readonly [CardText, CardText | undefined])[]): FactSet => ({
  type: 'FactSet',
  facts: pairs.flatMap(([title, value]) => {
    const shown = value === undefined ? '' : toMarkdown(value);
    return shown === '' ? [] : [{ title: toMarkdown(title), value: shown }];
  }),
});

/** A Universal Action button. */
export const execute = (title: string, verb: string, data: ActionData = {}, style?: ExecuteAction['style']): ExecuteAction => ({
  type: 'Action.Execute',
  title,
  verb,
  data: { ...data, verb },
  ...(style ? { style } : {}),
});

export const openUrl = (title: string, url: string): OpenUrlAction => ({ type: 'Action.OpenUrl', title, url });

export const showCard = (title: string, body: CardElement[], actions: CardAction[]): ShowCardAction => ({
  type: 'Action.ShowCard',
  title,
  card: { type: 'AdaptiveCard', body, actions },
});

/** A red problem line shown at the top of a re-rendered card. */
export const problem = (message: string): TextBlock => text(`⚠ ${message}`, { color: 'Attention', weight: 'Bolder' });

/**
 * Words a person typed, for a bot's text reply: Teams renders message text as markdown too, so they get
 * the cards' escaping and length limit (`card-text.ts`). Card builders don't call this: `text`,
 * `heading` and `facts` escape plain strings themselves.
 */
export const plain = (s: string): string => toMarkdown(s);
