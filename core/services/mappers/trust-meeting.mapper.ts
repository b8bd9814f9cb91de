import type { Meeting, MeetingPaper } from '../../domain/meeting';
import type { ImprovementModel } from '../../domain/models/improvement-model.schema';
import { TRUST_WIDE_ROLES, type Person } from '../../domain/people';
import { seesWholeTrust } from '../../domain/permissions';
import { participantLabel } from '../../domain/trust-participants';
import type { Stored } from '../../ports/record-store.port';

export interface TrustPaperView {
  requirementId: string;
  title: string;
  ownerId?: string;
  dueDate: string;
  submittedAt?: string;
}

/** A trust meeting as the year planner and My work show it. */
export interface TrustMeetingView {
  id: string;
  version: string;
  kind: string;
  name: string;
  abbreviation: string;
  /** Why it is held, e.g. "Weekly: concerns … reported informally and quickly". */
  reason: string;
  date: string;
  startsAt: string;
  endsAt: string;
  halfTerm: number;
  status: Meeting['status'];
  chairId: string;
  /** The chair's title as the trust writes it ("Chair of the Trust Board"). */
  chairTitle: string;
  attendeeIds: string[];
  papers: TrustPaperView[];
  reports: TrustPaperView[];
}

const paper = (p: MeetingPaper): TrustPaperView => ({
  requirementId: p.requirementId,
  title: p.title,
  ...(p.ownerId ? { ownerId: p.ownerId } : {}),
  dueDate: p.extension?.status === 'approved' ? p.extension.newDueDate : p.dueDate,
  ...(p.submittedAt ? { submittedAt: p.submittedAt } : {}),
});

/**
 * A trust meeting through the one door: trust roles see who comes; a head or another academy person
 * named on it (a heads' forum) sees the trust's people and themselves, not the other schools' staff.
 */
export function trustMeetingView(viewer: Pick<Person, 'id' | 'roles'>, m: Stored<Meeting>, model: ImprovementModel): TrustMeetingView {
  const kind = model.trustMeetings.find((k) => k.id === m.kind);
  const whole = seesWholeTrust(viewer);
  const attendeeIds = m.attendees
    .filter((a) => whole || a.personId === viewer.id || TRUST_WIDE_ROLES.includes(a.role))
    .map((a) => a.personId);
  const shownPaper = (p: MeetingPaper) => whole || p.ownerId === viewer.id;
  return {
    id: m.id,
    version: m.version,
    kind: m.kind,
    name: kind?.name ?? m.kind,
    abbreviation: kind?.abbreviation ?? m.kind,
    reason: m.reason,
    date: m.date,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    halfTerm: m.halfTerm,
    status: m.status,
    chairId: m.chairId,
    chairTitle: kind ? participantLabel(model, kind.chair) : '',
    attendeeIds,
    papers: m.papers.filter(shownPaper).map(paper),
    reports: (m.reports ?? []).filter(shownPaper).map(paper),
  };
}
