import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { placeholdersIn } from '../../appPackage/placeholders';

/**
 * The Microsoft 365 Agents Toolkit project holds together: every `${{VAR}}` the yml files, the
 * manifests and the Bicep parameters use has a home in that environment's env file (or is a secret
 * an action writes to the git-ignored .user file), every action exists in the yml schema version
 * used, and the app registration asks for the least Graph access that works.
 */
const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const envKeys = (env: string) => new Set(Object.keys(parseEnv(read(`env/.env.${env}`))));

/** Actions of the Toolkit's yml schema v1.11 (packages/fx-core/resource/yaml-schema/v1.11/yaml.schema.json, `lifeCycleArray`). */
const V1_11_ACTIONS = new Set([
  'aadApp/create',
  'aadApp/update',
  'arm/deploy',
  'azureStorage/enableStaticWebsite',
  'cli/runNpmCommand',
  'cli/runDotnetCommand',
  'cli/runNpxCommand',
  'azureStorage/deploy',
  'azureAppService/zipDeploy',
  'azureFunctions/zipDeploy',
  'teamsApp/create',
  'teamsApp/validateManifest',
  'teamsApp/validateAppPackage',
  'teamsApp/validateWithTestCases',
  'teamsApp/zipAppPackage',
  'teamsApp/update',
  'teamsApp/publishAppPackage',
  'botAadApp/create',
  'botFramework/create',
  'file/createOrUpdateEnvironmentFile',
  'file/createOrUpdateJsonFile',
  'devTool/install',
  'teamsApp/extendToM365',
  'spfx/deploy',
  'teamsApp/copyAppPackageToSPFx',
  'script',
  'apiKey/register',
  'azureStaticWebApps/getDeploymentKey',
  'apiKey/update',
  'oauth/register',
  'oauth/update',
  'devChannel/create',
  'devChannel/installApp',
  'typeSpec/compile',
]);

interface YmlFacts {
  version: string | undefined;
  actions: string[];
  /** Variables actions write (`writeToEnvironmentFile` values). */
  written: string[];
  placeholders: string[];
}

/** The few facts the tests need from a Toolkit yml, read line by line (its shape is fixed by the schema). */
function ymlFacts(path: string): YmlFacts {
  const text = read(path);
  const lines = text.split('\n');
  const written: string[] = [];
  let block: number | undefined;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (block !== undefined && line.trim() && indent <= block) block = undefined;
    const opens = /^(\s*)writeToEnvironmentFile:\s*$/.exec(line);
    if (opens) block = opens[1]!.length;
    else if (block !== undefined) {
      const m = /^\s*\w+:\s*([A-Z][A-Z0-9_]*)\s*$/.exec(line);
      if (m) written.push(m[1]!);
    }
  }
  return {
    version: /^version:\s*(\S+)/m.exec(text)?.[1],
    actions: [...text.matchAll(/^\s*-\s*uses:\s*(\S+)/gm)].map((m) => m[1]!),
    written,
    placeholders: placeholdersIn(text),
  };
}

const cloud = ymlFacts('m365agents.yml');
const local = ymlFacts('m365agents.local.yml');
const manifestVars = placeholdersIn(read('appPackage/manifest.json'));
const aadVars = placeholdersIn(read('aad.manifest.json'));
/** Set by the Toolkit itself for every environment. */
const BUILT_IN = new Set(['TEAMSFX_ENV']);

const missingFrom = (needed: Iterable<string>, have: Set<string>, secrets: Iterable<string>) =>
  [...new Set(needed)].filter((v) => !have.has(v) && !BUILT_IN.has(v) && ![...secrets].includes(v)).sort();

describe('the Agents Toolkit project', () => {
  it('uses yml schema v1.11 and only actions that schema defines', () => {
    for (const [path, facts] of [
      ['m365agents.yml', cloud],
      ['m365agents.local.yml', local],
    ] as const) {
      expect([path, facts.version]).toEqual([path, 'v1.11']);
      expect(read(path)).toContain('$schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json');
      expect(facts.actions.filter((a) => !V1_11_ACTIONS.has(a))).toEqual([]);
    }
  });

  it('provisions the app registration, Teams app, infrastructure, SSO, then validates, zips and updates the package; deploy builds and zip-deploys the Functions app; publish submits it', () => {
    expect(cloud.actions).toEqual([
      'aadApp/create',
      'teamsApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureFunctions/zipDeploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/publishAppPackage',
    ]);
    const yml = read('m365agents.yml');
    expect(yml).toContain('path: ./infra/azure.bicep');
    expect(yml).toContain('parameters: ./infra/azure.parameters.${{TEAMSFX_ENV}}.json');
    expect(yml).toContain('resourceId: ${{FUNCTION_APP_RESOURCE_ID}}');
  });

  it('every npm script the yml files run exists', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const run = [...`${read('m365agents.yml')}\n${read('m365agents.local.yml')}`.matchAll(/args:\s*run\s+(\S+)/g)].map((m) => m[1]!);
    expect(run.filter((s) => !(s in scripts))).toEqual([]);
  });

  it.each(['dev', 'prod'])('env/.env.%s has a place for every value the cloud yml, the manifests and the Bicep parameters use', (env) => {
    const keys = envKeys(env);
    const params = `infra/azure.parameters.${env}.json`;
    expect(existsSync(join(ROOT, params))).toBe(true);
    const secrets = cloud.written.filter((v) => v.startsWith('SECRET_'));
    expect(missingFrom([...cloud.placeholders, ...manifestVars, ...aadVars, ...placeholdersIn(read(params))], keys, secrets)).toEqual([]);
    expect(missingFrom(cloud.written, keys, secrets)).toEqual([]);
  });

  it.each(['dev', 'prod'])('env/.env.%s has a place for every output of infra/azure.bicep', (env) => {
    const outputs = [...read('infra/azure.bicep').matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)/gm)].map((m) => m[1]!);
    expect(outputs).toEqual(expect.arrayContaining(['FUNCTION_APP_RESOURCE_ID', 'FUNCTION_APP_ENDPOINT', 'FUNCTION_APP_DOMAIN', 'BOT_ID']));
    expect(missingFrom(outputs, envKeys(env), [])).toEqual([]);
  });

  it('env/.env.local has a place for every value F5 in Teams uses, the tunnel’s address among them', () => {
    const keys = envKeys('local');
    const secrets = local.written.filter((v) => v.startsWith('SECRET_'));
    expect(missingFrom([...local.placeholders, ...manifestVars, ...aadVars], keys, secrets)).toEqual([]);
    expect(missingFrom(local.written, keys, secrets)).toEqual([]);
    const tasks = read('.vscode/tasks.json');
    expect(tasks).toMatch(/"endpoint":\s*"FUNCTION_APP_ENDPOINT"/);
    expect(tasks).toMatch(/"domain":\s*"FUNCTION_APP_DOMAIN"/);
    expect(tasks).toContain('"portNumber": 3978');
  });

  it('commits no secret: secrets are written only to SECRET_ variables, which no committed env file holds', () => {
    for (const facts of [cloud, local]) {
      for (const v of facts.written.filter((w) => /SECRET|PASSWORD/.test(w))) expect(v).toMatch(/^SECRET_/);
    }
    for (const env of ['dev', 'prod', 'local']) expect([...envKeys(env)].filter((k) => k.startsWith('SECRET_'))).toEqual([]);
  });
});

describe('the app registration (aad.manifest.json)', () => {
  const aad = JSON.parse(read('aad.manifest.json')) as {
    signInAudience: string;
    identifierUris: string[];
    api: {
      oauth2PermissionScopes: { id: string; value: string; type: string }[];
      preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
    };
    requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  };

  it('exposes access_as_user on the same api://<domain>/<client id> the Teams manifest asks tokens for', () => {
    const manifest = JSON.parse(read('appPackage/manifest.json')) as { webApplicationInfo: { resource: string } };
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    expect(aad.api.oauth2PermissionScopes).toEqual([
      expect.objectContaining({ value: 'access_as_user', type: 'User', id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}' }),
    ]);
    expect(aad.signInAudience).toBe('AzureADMyOrg');
  });

  it('pre-authorises the Teams desktop/mobile and web clients for that scope, so staff are not asked to consent', () => {
    expect(aad.api.preAuthorizedApplications).toEqual([
      { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', delegatedPermissionIds: ['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}'] },
      { appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', delegatedPermissionIds: ['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}'] },
    ]);
  });

  it('asks Graph for the least that works: one site, calendars (limited to the organiser mailbox by policy), installing itself only', () => {
    expect(aad.requiredResourceAccess).toEqual([
      {
        resourceAppId: 'Microsoft Graph',
        resourceAccess: [
          { id: 'User.Read', type: 'Scope' },
          { id: 'Sites.Selected', type: 'Role' },
          { id: 'Calendars.ReadWrite', type: 'Role' },
          { id: 'TeamsAppInstallation.ReadWriteSelfForUser.All', type: 'Role' },
        ],
      },
    ]);
  });
});
