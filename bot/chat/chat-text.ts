/** The longest chat text the bot reads; beyond it a message is not a question about a school. */
export const MAX_CHAT_CHARS = 500;

/**
 * Chat text as the bot reads it: any value (Teams sends HTML with `<at>` mentions; the Playground
 * sends plain text; a bad client may send nothing or an object) becomes a short, lower-case line
 * of words. Never throws.
 */
export function normaliseChatText(input: unknown): string {
  if (typeof input !== 'string') return '';
  return input
    .slice(0, 4 * MAX_CHAT_CHARS)
    .replace(/<at>[^<]*<\/at>/gi, ' ') // the bot's own @mention in channels
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&nbsp;|&amp;|&lt;|&gt;|&quot;|&#39;/g, ' ')
    .normalize('NFKC')
    .replace(/[\u2018\u2019`´]/g, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_CHAT_CHARS);
}
