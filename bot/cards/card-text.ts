/**
 * Text in a card, as Teams renders it. A TextBlock's `text` and a Fact's `title` and `value` are
 * Markdown in Teams ("Format cards in Teams", learn.microsoft.com/microsoftteams/platform: bold,
 * italic, bulleted and numbered lists, links), a CommonMark subset ("Text features",
 * learn.microsoft.com/adaptive-cards); the adaptivecards web renderer hands it to markdown-it
 * (`AdaptiveCard.applyMarkdown`). So every name, title, action, note or reason from a person or a
 * record is escaped once, here, and shows exactly as typed: `[click](http://evil)` stays words, not a
 * link. Only markdown a card builder writes itself (bold labels, the agenda's numbers) stays markdown;
 * it is written with `md`, which escapes every value put into it.
 *
 * Plain text is not escaped where Teams shows it as plain text: button titles, `fallbackText`, a
 * compact `Input.ChoiceSet`'s choices (a drop-down) and every `Input.*` value or `data` payload. An
 * expanded ChoiceSet's radio labels do take markdown in the web renderer
 * (`GlobalSettings.useMarkdownInRadioButtonAndCheckbox`): only fixed labels go there.
 */

/** Markdown a card builder wrote itself, its values already escaped; made by `md`. */
export interface CardMarkdown {
  readonly kind: 'markdown';
  readonly markdown: string;
}

/** Card text: a plain string (shown as typed) or the builder's own markdown. */
export type CardText = string | CardMarkdown;

/**
 * Longest value a card shows; a longer one ends in "…". As long as the longest reason (`verbs.ts`);
 * notes and comments (up to 2,000) are read in full in the tab. Keeps a card with several of them
 * far under the bot message limit of 100 KB ("Format your bot messages", learn.microsoft.com).
 */
export const MAX_VALUE_LENGTH = 1000;

// Escaped wherever they stand: emphasis (* _), code (`), links ([ ]), autolinks and HTML (<), GFM
// strikethrough (~) and tables (|), which markdown-it renders by default, `&` where it would start an
// entity (`&amp;`, CommonMark 0.31 §2.5), and `{` because the renderer turns `{{DATE(...)}}` and
// `{{TIME(...)}}` into dates before Markdown sees the text ("Text features"). A backslash is doubled
// where it would escape what follows (§2.4: any ASCII punctuation) or make a hard line break (§6.7).
const INLINE = /[`*_[\]<~|{]|\\(?=[!-/:-@[-`{-~\r\n]|$)|&(?=#?[A-Za-z0-9]+;)/g;
// Meaningful only where a line starts: ATX headings (#), block quotes (>), bullets (- +, and * above),
// setext underlines (= -) and numbered items (`1.` or `1)` then a space). Escaped only there, so
// "O'Neil-Smith" or "2.1 Curriculum" carry no backslash.
const LINE_START = /(^|[\r\n])([ \t]*)(?:([#>+=-])|(\d{1,9})([.)])(?=[ \t\r\n]|$))/g;

/**
 * The one escaping rule: `text` as CommonMark that renders as exactly `text` (a backslash before
 * ASCII punctuation makes it literal, CommonMark §2.4). Only characters that could start markup are
 * escaped, because Teams mobile's own parser (Teams-AdaptiveCards-Mobile `MarkDownBlockParser.cpp`)
 * drops the backslash only before `[ ] ) * _` and may show it before anything else.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(
      LINE_START,
      (_all, lineBreak: string, indent: string, marker: string | undefined, digits: string | undefined, delimiter: string | undefined) =>
        marker ? `${lineBreak}${indent}\\${marker}` : `${lineBreak}${indent}${digits}\\${delimiter}`,
    );
}

/** A value cut to `MAX_VALUE_LENGTH` characters, never inside a surrogate pair. */
function clipped(value: string): string {
  if (value.length <= MAX_VALUE_LENGTH) return value;
  const end = /[\uD800-\uDBFF]/.test(value[MAX_VALUE_LENGTH - 1]!) ? MAX_VALUE_LENGTH - 1 : MAX_VALUE_LENGTH;
  return `${value.slice(0, end)}…`;
}

/** The markdown Teams is given for card text: a plain string clipped and escaped, the builder's markdown as written. */
export const toMarkdown = (t: CardText): string => (typeof t === 'string' ? escapeMarkdown(clipped(t)) : t.markdown);

/**
 * The builder's own markdown with values in it: md`**${academy.name}**: ${reasons}` keeps the bold and
 * escapes the name and the reasons. Numbers go in as they are; `CardMarkdown` values are not escaped again.
 */
export function md(template: TemplateStringsArray, ...values: readonly (CardText | number)[]): CardMarkdown {
  const markdown = template.reduce((out, literal, i) => {
    const value = values[i - 1];
    return out + (typeof value === 'number' ? String(value) : toMarkdown(value!)) + literal;
  });
  return { kind: 'markdown', markdown };
}
