import { formatDate, formatLongDate } from './dates';

/**
 * Records named as people know them: a meeting by its kind, its academy and its day ("the AIM at
 * Oakfield Primary on Wed 22 Jan 2027"), never by its id. Used in messages, conflicts and cards.
 */
export interface MeetingNameParts {
  /** The kind as the trust abbreviates it ("AIM"), or its name. */
  kind: string;
  academyName?: string;
  date?: string;
}

/** "the AIM at Oakfield Primary on Wed 22 Jan 2027"; `long` spells the day out. */
export function meetingName(m: MeetingNameParts, options: { long?: boolean } = {}): string {
  const at = m.academyName ? ` at ${m.academyName}` : '';
  const on = m.date ? ` on ${(options.long ? formatLongDate : formatDate)(m.date)}` : '';
  return `the ${m.kind}${at}${on}`;
}

/** The sentence starting with a name: "The AIM at …" rather than "the AIM at …". */
export const capitalised = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
