import { messageSettingsBodySchema } from '../../../core/services/message-settings.service';
import { ok, type Route } from '../api-types';

/** The signed-in person: who they are, their work, their Teams messages and calendar feed. */
export const MY_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/me',
    operationId: 'getMe',
    summary: 'The signed-in person and what they may do',
    handler: async ({ session }) => ok(session.me()),
  },
  {
    method: 'GET',
    pattern: '/api/my-work',
    operationId: 'getMyWork',
    summary: 'My actions, papers I owe, approvals waiting for me, my next meetings',
    handler: async ({ session }) => ok(await session.myWork()),
  },
  // My private calendar feed: whether it is live; a reset makes a new link (shown once) and the old one stops working.
  {
    method: 'GET',
    pattern: '/api/my-work/calendar-feed',
    operationId: 'getMyCalendarFeed',
    summary: 'Whether my private calendar feed is live',
    handler: async ({ session }) => ok(await session.feedLinkForMe()),
  },
  {
    method: 'POST',
    pattern: '/api/my-work/calendar-feed/reset',
    operationId: 'resetMyCalendarFeed',
    summary: 'Make a new calendar feed link (shown once); the old one stops working',
    handler: async ({ session }) => ok(await session.resetMyFeedLink()),
  },
  // The kinds of Teams message the signed-in person gets, and turning some off (My work).
  {
    method: 'GET',
    pattern: '/api/me/messages',
    operationId: 'getMessageSettings',
    summary: 'The kinds of Teams message I get',
    handler: async ({ session }) => ok(await session.messageSettings()),
  },
  {
    method: 'PUT',
    pattern: '/api/me/messages',
    operationId: 'saveMessageSettings',
    summary: 'Turn kinds of Teams message off or back on',
    body: messageSettingsBodySchema,
    handler: async ({ session, req }) => ok(await session.saveMessageSettings(req.body)),
  },
];
