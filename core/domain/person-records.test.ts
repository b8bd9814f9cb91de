import { emailHolder, emailKey, emailTakenSentence, unknownAcademyProblems } from './person-records';
import { makePerson } from './test-factories';

const ceo = { ...makePerson('ceo', 'Dr Helen Marsh', [['ceo']]), email: 'helen.marsh@meadowbank.example' };
const head = makePerson('head', 'Helen Shaw', [['head', 'oakfield']]);

describe('one e-mail, one person', () => {
  it('finds who holds an e-mail without regard to case or surrounding spaces', () => {
    expect(emailKey('  HELEN.Marsh@Meadowbank.EXAMPLE ')).toBe('helen.marsh@meadowbank.example');
    expect(emailHolder([head, ceo], 'HELEN.MARSH@meadowbank.example')).toBe(ceo);
    expect(emailHolder([head, ceo], 'someone.new@meadowbank.example')).toBeUndefined();
  });

  it('does not count the person’s own record as another holder', () => {
    expect(emailHolder([head, ceo], 'Helen.Marsh@meadowbank.example', 'ceo')).toBeUndefined();
  });

  it('names the holder in the refusal', () => {
    expect(emailTakenSentence(ceo)).toBe('That e-mail is already used by Dr Helen Marsh.');
  });
});

describe('roles only at academies that exist', () => {
  const academies = new Set(['oakfield', 'brook-lane']);

  it('names each role whose academy the trust does not have, by its place in the list', () => {
    expect(
      unknownAcademyProblems(
        [
          { role: 'head', academyId: 'oakfield' },
          { role: 'governor', academyId: 'nowhere' },
        ],
        academies,
      ),
    ).toEqual([{ field: 'roles.1.academyId', message: "There is no academy called 'nowhere'" }]);
  });

  it('accepts trust-wide roles, which name no academy', () => {
    expect(unknownAcademyProblems([{ role: 'ceo' }, { role: 'governor', academyId: 'brook-lane' }], academies)).toEqual([]);
  });
});
