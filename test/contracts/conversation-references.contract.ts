import type { ConversationReferenceStore, SentLog, StoredReference } from '../../core/ports/conversation-references.port';

export interface ReferencesUnderTest {
  references: ConversationReferenceStore;
  sent: SentLog;
}

/** A reference as Teams gives it at install (botbuilder's `ConversationReference`, kept as opaque JSON). */
const referenceFor = (personId: string, conversationId: string, savedAt = '2026-11-23T07:30:00.000Z'): StoredReference => ({
  personId,
  conversationId,
  reference: {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    conversation: { id: conversationId, conversationType: 'personal', tenantId: '6f1c2d3e-0000-4000-8000-00000000aa01' },
    user: { id: `29:${personId}`, aadObjectId: '11111111-2222-4333-8444-555555555555' },
    bot: { id: '28:bot', name: 'Trust bot' },
  },
  savedAt,
});

/**
 * The `ConversationReferenceStore` and `SentLog` contract: where the bot can reach each person
 * (one reference per person, removed with its conversation on uninstall) and the claim that stops a
 * reminder going to the same person twice, whichever instance sends it. Run against every adapter.
 */
export function conversationReferencesContract(name: string, make: () => Promise<ReferencesUnderTest>): void {
  describe(`ConversationReferenceStore and SentLog contract: ${name}`, () => {
    test('a saved reference reads back as it was saved, and an unknown person reads as undefined', async () => {
      const { references } = await make();
      const saved = referenceFor('head-oakfield', 'a:1Xb-personal-head-oakfield');
      await references.save(saved);
      expect(await references.get('head-oakfield')).toEqual(saved);
      expect(await references.get('chair-oakfield')).toBeUndefined();
    });

    test('what was read is a copy: changing it changes nothing stored', async () => {
      const { references } = await make();
      const saved = referenceFor('chair-oakfield', 'a:personal-chair-oakfield');
      await references.save(saved);
      (saved.reference.user as { id: string }).id = 'changed after saving';
      const read = (await references.get('chair-oakfield'))!;
      expect((read.reference.user as { id: string }).id).toBe('29:chair-oakfield');
      (read.reference.conversation as { id: string }).id = 'changed after reading';
      expect(((await references.get('chair-oakfield'))!.reference.conversation as { id: string }).id).toBe('a:personal-chair-oakfield');
    });

    test('a person has one reference: a later save (a reinstall) replaces the earlier one', async () => {
      const { references } = await make();
      await references.save(referenceFor('ceo', 'a:first', '2026-11-01T08:00:00.000Z'));
      await references.save(referenceFor('ceo', 'a:second', '2026-11-23T08:00:00.000Z'));
      expect(await references.get('ceo')).toMatchObject({ conversationId: 'a:second', savedAt: '2026-11-23T08:00:00.000Z' });
      // The old conversation no longer holds anyone.
      expect(await references.removeConversation('a:first')).toBe(0);
      expect(await references.get('ceo')).toMatchObject({ conversationId: 'a:second' });
    });

    test('removing a conversation (the app uninstalled there) removes every reference in it and only those', async () => {
      const { references } = await make();
      await references.save(referenceFor('governor-oakfield', '19:team-channel@thread.tacv2'));
      await references.save(referenceFor('head-oakfield', '19:team-channel@thread.tacv2'));
      await references.save(referenceFor('head-brook-lane', 'a:personal-head-brook-lane'));
      expect(await references.removeConversation('19:team-channel@thread.tacv2')).toBe(2);
      expect(await references.get('governor-oakfield')).toBeUndefined();
      expect(await references.get('head-oakfield')).toBeUndefined();
      expect(await references.get('head-brook-lane')).toMatchObject({ conversationId: 'a:personal-head-brook-lane' });
      expect(await references.removeConversation('a:never-installed')).toBe(0);
    });

    test('ids with characters a table key cannot hold, and quotes, still save, read and remove', async () => {
      const { references } = await make();
      const personId = "o'brien/#?\\x";
      const conversationId = "a:it's/#?conversation";
      await references.save(referenceFor(personId, conversationId));
      expect(await references.get(personId)).toMatchObject({ personId, conversationId });
      expect(await references.removeConversation(conversationId)).toBe(1);
      expect(await references.get(personId)).toBeUndefined();
    });

    test('a reminder key is claimed once: of many claims at once exactly one wins, and later ones lose', async () => {
      const { sent } = await make();
      const key = 'paper-deadline|m1@2026-11-26|head-oakfield';
      const results = await Promise.all(Array.from({ length: 8 }, () => sent.claim(key)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await sent.claim(key)).toBe(false);
      // Another kind, occurrence or person is another key.
      expect(await sent.claim('paper-deadline|m1@2026-11-26|chair-oakfield')).toBe(true);
      expect(await sent.claim('action-due|m1@2026-11-26|head-oakfield')).toBe(true);
    });

    test('a released claim (its send failed for good) may be claimed again; releasing an unclaimed key is harmless', async () => {
      const { sent } = await make();
      const key = `notes-approval|m/2#x?@2026-11-30,${'r'.repeat(300)}|chair-oakfield`;
      expect(await sent.claim(key)).toBe(true);
      await sent.release(key);
      expect(await sent.claim(key)).toBe(true);
      expect(await sent.claim(key)).toBe(false);
      await expect(sent.release('action-overdue|never|claimed')).resolves.toBeUndefined();
    });
  });
}
