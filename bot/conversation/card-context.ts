import type { MeetingForCards } from '../../core/services/meeting-cards.service';
import type { PaperCardContext } from '../cards/paper-cards';
import type { CardLinks } from '../cards/card-links';

/** The paper card's context from a meeting as the viewer's session gives it for cards. */
export const paperCardContext = (f: MeetingForCards, links: CardLinks, viewerId: string, problem?: string): PaperCardContext => ({
  links,
  today: f.today,
  academyName: f.academyName,
  kindName: f.kindName,
  nameOf: f.nameOf,
  viewerId,
  substitutes: f.substitutes,
  ...(problem ? { problem } : {}),
});

/** What the notes, extension and attendee cards need besides the meeting. */
export const meetingCardNames = (f: MeetingForCards) => ({ academyName: f.academyName, kindName: f.kindName, nameOf: f.nameOf });
