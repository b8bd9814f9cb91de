import { z } from 'zod';
import { ForbiddenError } from '../domain/errors';
import { parseLabelled } from '../domain/field-labels';
import { PAPER_LIMIT_CEILING_MB } from '../domain/paper-limits';
import type { Person } from '../domain/people';
import { canAdministerTrust } from '../domain/permissions';
import { paperLimitMbOf, trustSettingsSchema } from '../domain/trust-settings';
import { loadTrust, type ServiceDeps } from './service-context';

export const paperLimitBodySchema = z.object({
  paperLimitMb: trustSettingsSchema.shape.paperLimitMb.unwrap(),
  version: z.string().min(1).meta({ title: 'Version' }),
});

export interface PaperLimitView {
  paperLimitMb: number;
  /** The most any trust may set: what the app's host takes in one request. */
  ceilingMb: number;
  version: string;
  canEdit: boolean;
}

/** The trust's largest paper, for everyone (the tab says it beside the upload button). */
export async function paperLimit(deps: ServiceDeps, viewer: Person): Promise<PaperLimitView> {
  const { settings } = await loadTrust(deps);
  return {
    paperLimitMb: paperLimitMbOf(settings),
    ceilingMb: PAPER_LIMIT_CEILING_MB,
    version: settings.version,
    canEdit: canAdministerTrust(viewer),
  };
}

/** Sets the trust's largest paper (the trust admin or the CEO), between 1 MB and the host's ceiling. */
export async function setPaperLimit(deps: ServiceDeps, viewer: Person, body: unknown): Promise<PaperLimitView> {
  if (!canAdministerTrust(viewer)) throw new ForbiddenError('Only the trust administrator or the CEO can change the largest paper.');
  const input = parseLabelled(paperLimitBodySchema, body, 'paper limit');
  const { settings } = await loadTrust(deps);
  const saved = await deps.store.trust.save({ ...settings, paperLimitMb: input.paperLimitMb, version: input.version });
  return { paperLimitMb: paperLimitMbOf(saved), ceilingMb: PAPER_LIMIT_CEILING_MB, version: saved.version, canEdit: true };
}
