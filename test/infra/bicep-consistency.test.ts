import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appConfigSchema } from '../../functions/config/app-config';
import {
  definedEnvironmentVariables,
  parameterFileProblems,
  placeholderProblems,
  readParameterFile,
  secretProblems,
  unresolvedReferences,
} from './bicep-checks';
import { readBicep, type BicepTemplate } from './bicep-reader';
import { objectKeys, propertyValue, referencesIn } from './bicep-expressions';
import { tokenize, type Token } from './bicep-tokens';

const root = join(__dirname, '..', '..');
const templateText = readFileSync(join(root, 'infra', 'azure.bicep'), 'utf8');
const template = readBicep(templateText);
const ENVIRONMENTS = ['dev', 'prod'] as const;
const paramsText = (env: string) => readFileSync(join(root, 'infra', `azure.parameters.${env}.json`), 'utf8');

const text = (tokens: Token[] | undefined) =>
  (tokens ?? [])
    .filter((t) => t.kind !== 'newline')
    .map((t) => t.text)
    .join(' ');
const resourcesOfType = (t: BicepTemplate, type: string) => [...t.resources.values()].filter((r) => r.type.split('@')[0] === type);
/** A string value the template fixes: a literal, a var / param default that is one, or a string interpolating only those. */
function literalOf(t: BicepTemplate, tokens: Token[] | undefined): string | undefined {
  const meaningful = (tokens ?? []).filter((x) => x.kind !== 'newline');
  const last = meaningful[meaningful.length - 1];
  if (last?.kind === 'string' && last.literal === undefined) {
    // '${a}-poison': the tokens before the string are its interpolations; resolve each ${name}.
    let unresolved = false;
    const body = last.text
      .slice(1, -1)
      .replace(
        /\$\{(\w+)\}/g,
        (_, name: string) => literalOf(t, [{ kind: 'ident', text: name, line: last.line }]) ?? ((unresolved = true), ''),
      );
    return unresolved || body.includes('${') ? undefined : body;
  }
  if (meaningful.length !== 1) return undefined;
  const only = meaningful[0]!;
  if (only.kind === 'string') return only.literal;
  if (only.kind !== 'ident') return undefined;
  const v = t.vars.get(only.text) ?? t.params.get(only.text);
  return v ? literalOf(t, v.value) : undefined;
}

const STORAGE_SETTING = 'AzureWebJobsStorage';

/**
 * The Function App's app settings, from every object literal the appsettings resource is built
 * from. `storage` picks the alternative for the storage connection (the identity-based
 * `AzureWebJobsStorage__*` section, or the `AzureWebJobsStorage` connection string); `all` keeps both.
 */
function appSettingsOf(t: BicepTemplate, storage: 'identity' | 'connectionString' | 'all' = 'all'): Map<string, Token[]> {
  const [config] = resourcesOfType(t, 'Microsoft.Web/sites/config').filter(
    (r) => literalOf(t, propertyValue(r.value, 'name')) === 'appsettings',
  );
  if (!config) throw new Error('no Microsoft.Web/sites/config resource named appsettings');
  const properties = propertyValue(config.value, 'properties') ?? [];
  const settings = new Map<string, Token[]>();
  const collect = (tokens: Token[]) => {
    const keys = objectKeys(tokens);
    if (storage === 'identity' && keys.includes(STORAGE_SETTING)) return;
    if (storage === 'connectionString' && keys.some((k) => k.startsWith(`${STORAGE_SETTING}__`))) return;
    keys.forEach((k) => settings.set(k, propertyValue(tokens, k) ?? []));
  };
  for (const ref of referencesIn(properties)) {
    const v = t.vars.get(ref.name);
    if (v && v.value[0]?.text === '{') collect(v.value);
  }
  properties.forEach((tok, k) => {
    if (tok.text === '{') collect(properties.slice(k));
  });
  return settings;
}

/** The Key Vault secret resource a `@Microsoft.KeyVault(SecretUri=${x.properties.secretUri})` setting reads, if it is one. */
function keyVaultReferenceTarget(t: BicepTemplate, tokens: Token[] | undefined): string | undefined {
  const str = tokens?.filter((x) => x.kind === 'string').pop()?.text ?? '';
  const m = /'@Microsoft\.KeyVault\(SecretUri=\$\{(\w+)\.properties\.secretUri\}\)'$/.exec(str);
  const symbol = m?.[1];
  return symbol && t.resources.get(symbol)?.type.startsWith('Microsoft.KeyVault/vaults/secrets@') ? symbol : undefined;
}

/** Role definition GUIDs assigned at the scope of one resource symbol. */
function rolesAssignedOn(t: BicepTemplate, scopeSymbol: string): string[] {
  return resourcesOfType(t, 'Microsoft.Authorization/roleAssignments')
    .filter((a) => text(propertyValue(a.value, 'scope')) === scopeSymbol)
    .map((a) => {
      const props = propertyValue(a.value, 'properties') ?? [];
      const roleSymbol = referencesIn(propertyValue(props, 'roleDefinitionId') ?? []).find((r) => r.kind === 'symbol')?.name ?? '';
      const role = t.resources.get(roleSymbol);
      return role?.existing ? (literalOf(t, propertyValue(role.value, 'name')) ?? '') : '';
    });
}

/** The keys production refuses to start without, as app-config.ts itself reports them. */
function productionRequiredSettings(): string[] {
  const r = appConfigSchema.safeParse({ TRUST_MODE: 'production', TRUST_STORE: 'sharepoint' });
  if (r.success) throw new Error('app-config accepted a production configuration with nothing in it');
  return [...new Set(r.error.issues.map((i) => String(i.path[0])))];
}

const ROLE = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
};

describe('infra/azure.bicep, read without a Bicep compiler', () => {
  it('refers only to declared params, vars and resources, and calls only Bicep functions', () => {
    expect(unresolvedReferences(template)).toEqual([]);
    expect(template.resources.size).toBeGreaterThan(10);
  });

  it.each(ENVIRONMENTS)(
    'agrees with azure.parameters.%s.json both ways (declared, required, allowed, secrets as SECRET_ placeholders)',
    (env) => {
      expect(parameterFileProblems(template, readParameterFile(paramsText(env), env), `azure.parameters.${env}.json`)).toEqual([]);
    },
  );

  it.each(ENVIRONMENTS)('uses only ${{VARS}} that env/.env.%s or a m365agents.yml step defines', (env) => {
    expect(placeholderProblems(paramsText(env), definedEnvironmentVariables(root, env), `azure.parameters.${env}.json`)).toEqual([]);
  });

  it('keeps secrets secret: @secure(), never output, stored only in Key Vault and read through a Key Vault reference', () => {
    expect(secretProblems(template)).toEqual([]);
    const secret = keyVaultReferenceTarget(template, appSettingsOf(template).get('AZURE_CLIENT_SECRET'));
    expect(secret).toBeDefined();
    // The Function App may read that one secret: Key Vault Secrets User, scoped to the secret.
    expect(rolesAssignedOn(template, secret!)).toEqual([ROLE.keyVaultSecretsUser]);
  });

  it.each(['identity', 'connectionString'] as const)(
    'sets every app setting app-config.ts requires in production (storageAuth=%s; identity gives the Functions form AzureWebJobsStorage__accountName)',
    (storage) => {
      const settings = appSettingsOf(template, storage);
      const missing = productionRequiredSettings().filter(
        (key) => !settings.has(key) && !(storage === 'identity' && settings.has(`${key}__accountName`)),
      );
      expect(missing).toEqual([]);
      expect(literalOf(template, settings.get('TRUST_MODE'))).toBe('production');
      expect(literalOf(template, settings.get('TRUST_STORE'))).toBe('sharepoint');
      expect(literalOf(template, settings.get('BOT_TYPE'))).toBe('UserAssignedMSI');
      expect(settings.has('WEBSITE_TIME_ZONE')).toBe(false); // not supported on Linux consumption-style plans
      if (storage === 'identity')
        expect(settings.has(STORAGE_SETTING)).toBe(false); // no connection string, no key
      // A connection string carries the account key, so it only ever arrives from Key Vault, readable by the app alone.
      else
        expect(rolesAssignedOn(template, keyVaultReferenceTarget(template, settings.get(STORAGE_SETTING)) ?? 'none')).toEqual([
          ROLE.keyVaultSecretsUser,
        ]);
    },
  );

  it('switches shared-key access off where nothing needs a key (Flex Consumption with identity-based storage)', () => {
    const [account] = resourcesOfType(template, 'Microsoft.Storage/storageAccounts');
    expect(text(propertyValue(propertyValue(account!.value, 'properties') ?? [], 'allowSharedKeyAccess'))).toBe(
      '! ( isFlex && storageByIdentity )',
    );
    expect(literalOf(template, template.params.get('functionAppSku')!.value)).toBe('FC1');
    expect(literalOf(template, template.params.get('storageAuth')!.value)).toBe('identity');
    expect(text(template.vars.get('isFlex')?.value)).toBe("functionAppSku == 'FC1'");
    expect(text(template.vars.get('storageByIdentity')?.value)).toBe("storageAuth == 'identity'");
  });

  it('gives fixed app settings values that app-config.ts accepts', () => {
    const shape = appConfigSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    const checked: string[] = [];
    for (const [key, tokens] of appSettingsOf(template)) {
      const value = literalOf(template, tokens);
      // An empty param default means "not given": the template leaves that setting out (checked below).
      if (value === undefined || value === '' || !shape[key]) continue;
      expect({ key, value, valid: shape[key].safeParse(value).success }).toEqual({ key, value, valid: true });
      checked.push(key);
    }
    expect(checked).toEqual(expect.arrayContaining(['TRUST_MODE', 'TRUST_STORE', 'BOT_TYPE', 'REMINDER_QUEUE', 'REMINDER_SWEEP_AT']));
    const [config] = resourcesOfType(template, 'Microsoft.Web/sites/config');
    expect(text(propertyValue(config!.value, 'properties'))).toContain(
      'empty ( teamsAppCatalogId ) ? { } : { TEAMS_APP_CATALOG_ID : teamsAppCatalogId }',
    );
  });

  it('creates the reminder queue, its poison queue and the tables the bot code uses, and lets the Function App reach them by identity', () => {
    const settings = appSettingsOf(template);
    const queue = literalOf(template, settings.get('REMINDER_QUEUE'));
    const queues = resourcesOfType(template, 'Microsoft.Storage/storageAccounts/queueServices/queues').map((q) =>
      literalOf(template, propertyValue(q.value, 'name')),
    );
    expect(queues.sort()).toEqual([queue, `${queue}-poison`].sort());

    // The tables the code opens by default name: `options.<x>Table ?? 'name'` / `options.table ?? 'name'`.
    const codeTables = [
      join('core', 'adapters', 'azure-storage', 'table-conversation-references.ts'),
      join('functions', 'azure', 'sweep-state.ts'),
    ].flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/\b(?:\w+Table|table) \?\? '([a-z0-9]+)'/gi)].map((x) => x[1]));
    const tables = resourcesOfType(template, 'Microsoft.Storage/storageAccounts/tableServices/tables').map((r) =>
      literalOf(template, propertyValue(r.value, 'name')),
    );
    expect(codeTables).toHaveLength(3);
    expect(tables.sort()).toEqual([...codeTables].sort());

    const account = referencesIn(appSettingsOf(template, 'identity').get('AzureWebJobsStorage__accountName') ?? [])[0]?.name ?? '';
    expect(template.resources.get(account)?.type).toMatch(/^Microsoft\.Storage\/storageAccounts@/);
    expect(rolesAssignedOn(template, account).sort()).toEqual(
      [ROLE.storageBlobDataOwner, ROLE.storageQueueDataContributor, ROLE.storageTableDataContributor].sort(),
    );
    const storageProps = propertyValue(template.resources.get(account)!.value, 'properties') ?? [];
    expect(text(propertyValue(storageProps, 'allowBlobPublicAccess'))).toBe('false');
    expect(literalOf(template, propertyValue(storageProps, 'minimumTlsVersion'))).toBe('TLS1_2');
  });

  it('registers the bot as the managed identity the Function App carries, pointing at /api/messages, with the Teams channel', () => {
    const [bot] = resourcesOfType(template, 'Microsoft.BotService/botServices');
    const props = propertyValue(bot!.value, 'properties') ?? [];
    expect(literalOf(template, propertyValue(props, 'msaAppType'))).toBe('UserAssignedMSI');
    expect(text(propertyValue(props, 'msaAppId'))).toBe(text(appSettingsOf(template).get('BOT_ID')));
    expect(text(propertyValue(props, 'endpoint'))).toMatch(/\/api\/messages'$/);
    const identity = referencesIn(propertyValue(props, 'msaAppMSIResourceId') ?? [])[0]!.name;
    expect(template.resources.get(identity)?.type).toMatch(/^Microsoft\.ManagedIdentity\/userAssignedIdentities@/);
    const [site] = resourcesOfType(template, 'Microsoft.Web/sites');
    expect(referencesIn(propertyValue(site!.value, 'identity') ?? []).map((r) => r.name)).toContain(identity);
    const channels = resourcesOfType(template, 'Microsoft.BotService/botServices/channels').map((c) =>
      literalOf(template, propertyValue(c.value, 'name')),
    );
    expect(channels).toEqual(['MsTeamsChannel']);
  });

  it('hardens the Function App: HTTPS only, TLS 1.2, FTP off, Node 20', () => {
    const [site] = resourcesOfType(template, 'Microsoft.Web/sites');
    const body = text(site!.value);
    expect(body).toContain('httpsOnly : true');
    expect(body).toContain("minTlsVersion : '1.2'");
    expect(body).toContain("ftpsState : 'Disabled'");
    expect(body).toContain("linuxFxVersion : 'Node|20'");
    expect(text(template.vars.get('flexConfig')?.value)).toContain("name : 'node' version : '20'");
  });

  it('outputs what the Toolkit, the manifest and the deploy guide use, in UPPER_SNAKE', () => {
    const outputs = [...template.outputs.keys()];
    outputs.forEach((o) => expect(o).toMatch(/^[A-Z][A-Z0-9_]*$/));
    expect(outputs).toEqual(
      expect.arrayContaining([
        'FUNCTION_APP_RESOURCE_ID',
        'FUNCTION_APP_ENDPOINT',
        'FUNCTION_APP_DOMAIN',
        'BOT_ID',
        'BOT_IDENTITY_RESOURCE_ID',
        'KEY_VAULT_NAME',
        'STORAGE_ACCOUNT_NAME',
      ]),
    );
    const manifest = readFileSync(join(root, 'appPackage', 'manifest.json'), 'utf8');
    for (const v of ['FUNCTION_APP_DOMAIN', 'BOT_ID']) if (manifest.includes(`\${{${v}}}`)) expect(outputs).toContain(v);
  });
});

describe('the Bicep checks catch what they are for', () => {
  const broken = (from: string, to: string) => {
    expect(templateText).toContain(from);
    return readBicep(templateText.replace(from, to));
  };

  it('reads object keys, ternaries, loops and lambdas the way Bicep scopes them', () => {
    const refs = (s: string) => referencesIn(tokenize(s)).map((r) => `${r.kind}:${r.name}`);
    expect(refs("cond ? a : { b: c, 'd': e }")).toEqual(['symbol:cond', 'symbol:a', 'symbol:c', 'symbol:e']);
    expect(refs('[for (x, i) in items: { name: x.name, id: i }]')).toEqual(['symbol:items']);
    expect(refs('map(list, item => item.id)')).toEqual(['function:map', 'symbol:list']);
    expect(refs("'https://${site.properties.host}/api'")).toEqual(['symbol:site']);
  });

  it('a typo in a reference', () => {
    const t = broken('output BOT_ID string = botIdentity.properties.clientId', 'output BOT_ID string = botIdentty.properties.clientId');
    expect(unresolvedReferences(t)).toEqual([expect.stringContaining('output BOT_ID (line')]);
    expect(unresolvedReferences(t)[0]).toContain("'botIdentty'");
  });

  it('a typo in a function name', () => {
    const t = broken('toLower(resourceBaseName)', 'toLowr(resourceBaseName)');
    expect(unresolvedReferences(t)).toEqual([expect.stringContaining("calls 'toLowr()'")]);
  });

  it('a parameter the template no longer declares', () => {
    const t = broken('param organiserMailbox string\n', '');
    expect(parameterFileProblems(t, readParameterFile(paramsText('prod'), 'prod'), 'prod')).toEqual([
      "prod gives 'organiserMailbox', which the template does not declare",
    ]);
    expect(unresolvedReferences(t).join('\n')).toContain("'organiserMailbox'");
  });

  it('a parameters file without a required parameter, or with a value @allowed refuses', () => {
    const values = readParameterFile(paramsText('dev'), 'dev');
    values.delete('sharePointSiteUrl');
    values.set('functionAppSku', 'Y1');
    expect(parameterFileProblems(template, values, 'dev')).toEqual([
      "dev does not give 'sharePointSiteUrl', which has no default",
      "dev: 'functionAppSku' is 'Y1', not one of FC1, EP1, EP2, EP3",
    ]);
  });

  it('a secret given as a literal, shown in an output, or put in an app setting', () => {
    const values = readParameterFile(paramsText('dev'), 'dev');
    values.set('aadAppClientSecret', 'hunter2');
    expect(parameterFileProblems(template, values, 'dev')).toEqual([
      "dev: secure parameter 'aadAppClientSecret' must come from a ${{SECRET_...}} placeholder, never a literal",
    ]);
    const leaky = broken(
      'output KEY_VAULT_NAME string = keyVault.name',
      'output KEY_VAULT_NAME string = keyVault.name\noutput LEAK string = aadAppClientSecret\noutput KEYS string = storage.listKeys().keys[0].value',
    );
    expect(secretProblems(leaky)).toEqual([
      'output LEAK exposes the secure parameter aadAppClientSecret',
      'output KEYS exposes the result of a list*() call (keys or secrets)',
    ]);
    const inSettings = broken("LOG_LEVEL: 'info'", 'LOG_LEVEL: aadAppClientSecret');
    expect(secretProblems(inSettings)).toEqual([
      'the secure parameter aadAppClientSecret is used in appSettings; it may only be stored as a Key Vault secret',
    ]);
  });

  it('a placeholder nothing defines', () => {
    expect(placeholderProblems('{"x":{"value":"${{NOWHERE_DEFINED}}"}}', new Set(['RESOURCE_SUFFIX']), 'p.json')).toEqual([
      'p.json uses ${{NOWHERE_DEFINED}}, which no env file or m365agents.yml step defines',
    ]);
  });

  it('Bicep it does not understand is refused, not half-read', () => {
    expect(() => readBicep("func greet(name string) string => 'hi ${name}'")).toThrow("'func' statements are not supported");
    expect(() => readBicep("var a = 'unclosed")).toThrow('never closed');
    expect(() => readBicep('var a = 1\nvar a = 2')).toThrow('declared twice');
  });
});
