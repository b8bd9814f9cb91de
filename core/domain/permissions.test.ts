import type { Person } from './people';
import {
  canAccessAcademy,
  canAdministerTrust,
  canPlanMeetings,
  cannotSeeAcademySentence,
  roleAtAcademy,
  seesWholeTrust,
  visibleAcademyIds,
} from './permissions';

const person = (roles: Person['roles']): Person => ({ id: 'p', name: 'P', email: 'p@example.org', roles });
const ALL = ['oak', 'brook', 'hill'];

describe('permissions: role × academy', () => {
  it('a head reads and writes only their own academy', () => {
    const head = person([{ role: 'head', academyId: 'oak' }]);
    expect(canAccessAcademy(head, 'oak', 'read')).toBe(true);
    expect(canAccessAcademy(head, 'oak', 'write')).toBe(true);
    expect(canAccessAcademy(head, 'brook', 'read')).toBe(false);
    expect(canAccessAcademy(head, 'brook', 'write')).toBe(false);
    expect(visibleAcademyIds(head, ALL)).toEqual(['oak']);
    expect(seesWholeTrust(head)).toBe(false);
  });

  it('a governor sees only their own academy', () => {
    const governor = person([{ role: 'governor', academyId: 'hill' }]);
    expect(visibleAcademyIds(governor, ALL)).toEqual(['hill']);
    expect(canAccessAcademy(governor, 'oak', 'read')).toBe(false);
  });

  it('the CEO and improvement directors see and change every academy', () => {
    for (const role of ['ceo', 'improvement-director'] as const) {
      const p = person([{ role }]);
      expect(visibleAcademyIds(p, ALL)).toEqual(ALL);
      expect(ALL.every((a) => canAccessAcademy(p, a, 'write'))).toBe(true);
      expect(canPlanMeetings(p)).toBe(true);
    }
  });

  it('the board reads every academy but changes nothing', () => {
    const board = person([{ role: 'board' }]);
    expect(ALL.every((a) => canAccessAcademy(board, a, 'read'))).toBe(true);
    expect(ALL.some((a) => canAccessAcademy(board, a, 'write'))).toBe(false);
    expect(canPlanMeetings(board)).toBe(false);
  });

  it('a head who partners another school sees both, and no third', () => {
    const p = person([
      { role: 'head', academyId: 'oak' },
      { role: 'headteacher-partner', academyId: 'brook' },
    ]);
    expect(visibleAcademyIds(p, ALL)).toEqual(['oak', 'brook']);
  });

  it('only the trust admin and CEO edit the improvement model', () => {
    expect(canAdministerTrust(person([{ role: 'trust-admin' }]))).toBe(true);
    expect(canAdministerTrust(person([{ role: 'ceo' }]))).toBe(true);
    expect(canAdministerTrust(person([{ role: 'improvement-director' }]))).toBe(false);
    expect(canAdministerTrust(person([{ role: 'head', academyId: 'oak' }]))).toBe(false);
  });
});

describe('roleAtAcademy: the role a person is listed in at an academy', () => {
  it('is their own role there, else their trust-wide role, and none exactly when they may not see the academy', () => {
    const cast = [
      person([{ role: 'governor', academyId: 'oak' }]),
      person([
        { role: 'head', academyId: 'brook' },
        { role: 'headteacher-partner', academyId: 'oak' },
      ]),
      person([{ role: 'ceo' }]),
      person([{ role: 'board' }]),
      person([{ role: 'head', academyId: 'brook' }]),
    ];
    expect(cast.map((p) => roleAtAcademy(p, 'oak') ?? 'none')).toEqual(['governor', 'headteacher-partner', 'ceo', 'board', 'none']);
    for (const p of cast) for (const a of ALL) expect(roleAtAcademy(p, a) !== undefined).toBe(canAccessAcademy(p, a, 'read'));
  });

  it('prefers the role asked for when they hold it at that academy, and ignores it when they do not', () => {
    const both = person([
      { role: 'governor', academyId: 'oak' },
      { role: 'chair-lgb', academyId: 'oak' },
    ]);
    expect(roleAtAcademy(both, 'oak', 'chair-lgb')).toBe('chair-lgb');
    expect(roleAtAcademy(both, 'oak', 'head')).toBe('governor');
    expect(roleAtAcademy(person([{ role: 'ceo' }]), 'oak', 'head')).toBe('ceo');
  });

  it('says in a sentence why someone cannot act at an academy', () => {
    expect(cannotSeeAcademySentence({ name: 'Daniel Hughes' }, 'Oakfield Primary', 'own this action')).toBe(
      'Daniel Hughes cannot see Oakfield Primary’s records, so cannot own this action.',
    );
  });
});
