import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { understand } from '../../bot/chat/understand';
import { demoChatVocabulary } from '../bot/nlu-vocabulary';
import { fillPlaceholders, placeholdersIn } from '../../appPackage/placeholders';
import { checkManifestRules, validateAppPackage, validateManifestSchema } from '../../appPackage/validate-package';
import { SAMPLE_VALUES } from './sample-values';

const ROOT = join(__dirname, '..', '..');
const template = readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8');
const icons = {
  'color.png': readFileSync(join(ROOT, 'appPackage', 'color.png')),
  'outline.png': readFileSync(join(ROOT, 'appPackage', 'outline.png')),
};

interface Manifest {
  manifestVersion: string;
  bots: { scopes?: string[]; commandLists: { commands: { title: string }[] }[] }[];
  staticTabs: { entityId: string; name?: string; contentUrl?: string }[];
  configurableTabs: { configurationUrl: string; context: string[] }[];
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
  [k: string]: unknown;
}

/** The template filled with a provisioned environment's values, as a fresh object each time. */
const filled = (): Manifest => JSON.parse(fillPlaceholders(template, SAMPLE_VALUES).text) as Manifest;

// The tab's router is browser code; required at run time so the Node type-check stays out of it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseRoute } = require('../../tab/src/app/router') as { parseRoute(path: string): { page: string } };

describe('the Teams app manifest template', () => {
  it('filled with a provisioned environment’s values, passes the official schema for its version with no errors', () => {
    const manifest = filled();
    expect(manifest.manifestVersion).toBe('1.29');
    expect(validateManifestSchema(manifest)).toEqual([]);
    expect(validateAppPackage({ manifest, files: icons })).toEqual([]);
  });

  it('uses exactly the placeholders the environment files provide', () => {
    expect(placeholdersIn(template).sort()).toEqual(Object.keys(SAMPLE_VALUES).sort());
    expect(fillPlaceholders(template, SAMPLE_VALUES).unresolved).toEqual([]);
  });

  it('offers the bot in personal chat, teams and group chats, and every listed command is a question the bot answers', async () => {
    const [bot] = filled().bots;
    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    const titles = bot!.commandLists.flatMap((l) => l.commands.map((c) => c.title));
    expect(titles).toContain('help');
    const intents = await Promise.all(titles.map(async (t) => (await understand(t, demoChatVocabulary())).intent));
    for (const [i, title] of titles.entries()) expect([title, intents[i]]).not.toEqual([title, 'unknown']);
    expect(intents).toEqual(
      expect.arrayContaining([
        'help',
        'academy-status',
        'rag-list',
        'overdue-actions',
        'meeting-papers',
        'next-meeting',
        'support-days',
        'my-papers',
        'my-actions',
      ]),
    );
  });

  it('pins Dashboard and My work, whose addresses open those pages of the tab', () => {
    const tabs = filled().staticTabs.filter((t) => t.contentUrl);
    expect(tabs.map((t) => t.name)).toEqual(['Dashboard', 'My work']);
    expect(tabs.map((t) => parseRoute(new URL(t.contentUrl!).pathname).page)).toEqual(['dashboard', 'my-work']);
  });

  it('offers a configurable tab for channels, chats and meetings (side panel and details), configured on a page the tab has', () => {
    const [tab] = filled().configurableTabs;
    expect(tab?.context).toEqual(expect.arrayContaining(['channelTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel']));
    expect(parseRoute(new URL(tab!.configurationUrl).pathname).page).toBe('config');
  });

  it('asks Teams for an SSO token for api://<Function App domain>/<client id>, the domain being valid', () => {
    const m = filled();
    expect(m.webApplicationInfo).toEqual({
      id: SAMPLE_VALUES.AAD_APP_CLIENT_ID,
      resource: `api://${SAMPLE_VALUES.FUNCTION_APP_DOMAIN}/${SAMPLE_VALUES.AAD_APP_CLIENT_ID}`,
    });
    expect(m.validDomains).toEqual([SAMPLE_VALUES.FUNCTION_APP_DOMAIN]);
  });
});

describe('a broken manifest is refused with a reason a person can act on', () => {
  it('a bot with no scopes names the bot and the missing property', () => {
    const m = filled();
    delete m.bots[0]!.scopes;
    const problems = validateManifestSchema(m);
    expect(problems).toContainEqual({ where: 'manifest.json /bots/0', message: "must have required property 'scopes'" });
  });

  it('an unknown property is named', () => {
    const m = { ...filled(), botz: [] };
    expect(validateManifestSchema(m)).toContainEqual({
      where: 'manifest.json /',
      message: 'has "botz", which this manifest version does not allow',
    });
  });

  it('a scope Teams does not know lists the ones it does', () => {
    const m = filled();
    m.bots[0]!.scopes = ['personal', 'channel'];
    const problems = validateManifestSchema(m);
    expect(problems.some((p) => p.where === 'manifest.json /bots/0/scopes/1' && p.message.includes('"groupChat"'))).toBe(true);
  });

  it('a placeholder left in an id is called a placeholder', () => {
    const m = JSON.parse(fillPlaceholders(template, { ...SAMPLE_VALUES, BOT_ID: undefined }).text) as Manifest;
    expect(validateAppPackage({ manifest: m, files: icons })).toEqual(
      expect.arrayContaining([
        { where: 'manifest.json', message: 'placeholders left unfilled: BOT_ID' },
        { where: 'manifest.json /bots/0/botId', message: 'still holds a placeholder ("${{BOT_ID}}")' },
      ]),
    );
  });

  it('devPreview and versions with no shipped schema are refused', () => {
    expect(validateManifestSchema({ ...filled(), manifestVersion: 'devPreview' })[0]?.message).toMatch(/not a released manifest version/);
    expect(validateManifestSchema({ ...filled(), manifestVersion: '1.99' })[0]?.message).toMatch(
      /"1\.99" is not a released manifest version/,
    );
  });

  it('a tab served from a domain outside validDomains is refused', () => {
    const m = filled();
    m.staticTabs[0]!.contentUrl = 'https://elsewhere.example/tab/';
    expect(checkManifestRules(m)).toEqual([
      { where: 'manifest.json /staticTabs/0/contentUrl', message: '"elsewhere.example" is not in validDomains' },
    ]);
  });

  it('an SSO resource for another app or domain is refused', () => {
    const m = filled();
    m.webApplicationInfo.resource = `api://other.example/${SAMPLE_VALUES.BOT_ID}`;
    const messages = checkManifestRules(m).map((p) => p.message);
    expect(messages).toEqual([
      expect.stringContaining('"other.example" is not in validDomains'),
      expect.stringContaining(`but webApplicationInfo.id is "${SAMPLE_VALUES.AAD_APP_CLIENT_ID}"`),
    ]);
  });
});
