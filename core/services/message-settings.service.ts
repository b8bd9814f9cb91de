import { z } from 'zod';
import { parseOrThrow, ValidationError } from '../domain/errors';
import { isMessageKind, MESSAGE_KINDS, type MessageKind } from '../domain/notifications';
import type { Person } from '../domain/people';
import type { ServiceDeps } from './service-context';

export const messageSettingsBodySchema = z.object({
  off: z.array(z.string().max(40)).max(40),
  version: z.string().min(1, 'send the version you read'),
});

/** The kinds of Teams message there are, in words, and whether each reaches the viewer. */
export async function myMessageSettings(deps: ServiceDeps, viewer: Person) {
  const me = await deps.store.people.get(viewer.id);
  const off = new Set(me?.messagesOff ?? []);
  return {
    version: me?.version ?? '',
    kinds: (Object.keys(MESSAGE_KINDS) as MessageKind[]).map((kind) => ({ kind, label: MESSAGE_KINDS[kind], on: !off.has(kind) })),
  };
}

/** The viewer turns kinds of message off (or back on); only their own. */
export async function saveMyMessageSettings(deps: ServiceDeps, viewer: Person, body: unknown) {
  const input = parseOrThrow(messageSettingsBodySchema, body, 'message settings');
  const unknown = input.off.filter((k) => !isMessageKind(k));
  if (unknown.length)
    throw new ValidationError(
      [{ field: 'off', message: `There is no kind of message called ${unknown.map((k) => `"${k}"`).join(', ')}` }],
      'message settings',
    );
  const me = await deps.store.people.get(viewer.id);
  if (!me) throw new ValidationError([{ field: 'off', message: 'Your record could not be found' }], 'message settings');
  const { messagesOff: _old, ...rest } = me;
  await deps.store.people.update({
    ...rest,
    ...(input.off.length ? { messagesOff: [...new Set(input.off)] } : {}),
    version: input.version,
  });
  return myMessageSettings(deps, viewer);
}

/** Messages without those their recipients turned off. */
export async function withoutMuted<M extends { personId: string; kind: string }>(deps: ServiceDeps, messages: readonly M[]): Promise<M[]> {
  const ids = [...new Set(messages.map((m) => m.personId))];
  if (ids.length === 0) return [];
  const off = new Map((await deps.store.people.getMany(ids)).map((p) => [p.id, new Set(p.messagesOff ?? [])]));
  return messages.filter((m) => !off.get(m.personId)?.has(m.kind));
}
