import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type AjvDraft04 from 'ajv-draft-04';
import { PNG } from 'pngjs';
import { placeholdersIn } from './placeholders';

/** One thing wrong with a package, said so a person can fix it: where, then what. */
export interface PackageProblem {
  where: string;
  message: string;
}

/** The package's files by name at the zip's root (`manifest.json` is given separately, as parsed JSON). */
export interface AppPackageContents {
  manifest: unknown;
  files: Readonly<Record<string, Buffer>>;
}

/** Icon sizes Teams requires (app manifest schema: color 192×192, outline 32×32 and transparent). */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

// The official schemas ship inside @microsoft/app-manifest, with the draft-04 Ajv it validates them
// with itself; resolving that Ajv from the package keeps the two in step.
const manifestPackageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
const requireBesideSchemas = createRequire(join(manifestPackageDir, 'package.json'));

/** Where the official JSON schema for a manifest version lives, or undefined when none ships. */
export function schemaPathFor(manifestVersion: string): string | undefined {
  if (!/^1\.\d{1,3}$/.test(manifestVersion)) return undefined;
  const path = join(manifestPackageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  return existsSync(path) ? path : undefined;
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(manifestVersion: string): ValidateFunction | undefined {
  const cached = validators.get(manifestVersion);
  if (cached) return cached;
  const path = schemaPathFor(manifestVersion);
  if (!path) return undefined;
  const schema = JSON.parse(readFileSync(path, 'utf8')) as { $schema?: string };
  if (!schema.$schema?.includes('draft-04'))
    throw new Error(`${path} is not a draft-04 schema; teach validate-package.ts its draft before trusting it`);
  const Ajv = requireBesideSchemas('ajv-draft-04') as typeof AjvDraft04;
  const addFormats = requireBesideSchemas('ajv-formats') as (ajv: AjvDraft04, formats: string[]) => AjvDraft04;
  // The options Microsoft's own validator uses (ManifestUtil.validateManifestAgainstSchema), plus
  // verbose: errors carry the offending value, so a leftover placeholder can be called one.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, verbose: true });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  validators.set(manifestVersion, validate);
  return validate;
}

function describeSchemaError(e: ErrorObject): PackageProblem {
  const where = `manifest.json ${e.instancePath || '/'}`;
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties')
    return { where, message: `has "${String(p.additionalProperty)}", which this manifest version does not allow` };
  if (e.keyword === 'enum')
    return { where, message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
  if (e.keyword === 'pattern' && /\$\{\{/.test(JSON.stringify(e.data)))
    return { where, message: `still holds a placeholder (${JSON.stringify(e.data)})` };
  return { where, message: e.message ?? e.keyword };
}

/**
 * Validates a filled manifest offline against the official schema for its `manifestVersion`
 * (shipped in `@microsoft/app-manifest`); devPreview and versions with no shipped schema are refused.
 */
export function validateManifestSchema(manifest: unknown): PackageProblem[] {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
    return [{ where: 'manifest.json', message: 'is not a JSON object' }];
  const m = manifest as { manifestVersion?: unknown; $schema?: unknown };
  const version = typeof m.manifestVersion === 'string' ? m.manifestVersion : '';
  const validate = validatorFor(version);
  if (!validate)
    return [
      {
        where: 'manifest.json /manifestVersion',
        message: `"${version}" is not a released manifest version with a schema in @microsoft/app-manifest (devPreview is not accepted)`,
      },
    ];
  const problems: PackageProblem[] = [];
  if (typeof m.$schema === 'string' && !m.$schema.includes(`/v${version}/`))
    problems.push({ where: 'manifest.json /$schema', message: `points at another version than manifestVersion ${version}` });
  if (!validate(manifest)) {
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      const p = describeSchemaError(e);
      const key = `${p.where}|${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
  }
  return problems;
}

function readPng(name: string, data: Buffer | undefined): PNG | PackageProblem {
  if (!data) return { where: name, message: 'is missing from the package' };
  try {
    return PNG.sync.read(data);
  } catch (e) {
    return { where: name, message: `is not a readable PNG (${e instanceof Error ? e.message : String(e)})` };
  }
}

const isProblem = (x: PNG | PackageProblem): x is PackageProblem => 'message' in x;

/**
 * Teams' icon rules: colour 192×192; outline 32×32, white on a transparent background (a pixel
 * that shows at all, alpha ≥ 16, must be white; at least a quarter of the pixels fully clear).
 */
export function checkIcons(
  color: { name: string; data: Buffer | undefined },
  outline: { name: string; data: Buffer | undefined },
): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const c = readPng(color.name, color.data);
  if (isProblem(c)) problems.push(c);
  else if (c.width !== ICON_SIZES.color || c.height !== ICON_SIZES.color)
    problems.push({
      where: color.name,
      message: `is ${c.width}×${c.height}; the colour icon must be ${ICON_SIZES.color}×${ICON_SIZES.color}`,
    });
  const o = readPng(outline.name, outline.data);
  if (isProblem(o)) problems.push(o);
  else if (o.width !== ICON_SIZES.outline || o.height !== ICON_SIZES.outline)
    problems.push({
      where: outline.name,
      message: `is ${o.width}×${o.height}; the outline icon must be ${ICON_SIZES.outline}×${ICON_SIZES.outline}`,
    });
  else {
    let clear = 0;
    let coloured = 0;
    for (let i = 0; i < o.data.length; i += 4) {
      const [r, g, b, a] = [o.data[i]!, o.data[i + 1]!, o.data[i + 2]!, o.data[i + 3]!];
      if (a === 0) clear++;
      else if (a >= 16 && (r < 240 || g < 240 || b < 240)) coloured++;
    }
    const pixels = o.width * o.height;
    if (clear < pixels / 4)
      problems.push({
        where: outline.name,
        message: `has a solid background (${clear} of ${pixels} pixels transparent); the outline icon must be white on transparent`,
      });
    if (coloured > 0)
      problems.push({
        where: outline.name,
        message: `has ${coloured} pixels that are not white; the outline icon must be white on transparent`,
      });
  }
  return problems;
}

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
};

const domainAllows = (pattern: string, host: string): boolean => {
  const p = pattern.toLowerCase();
  return p.startsWith('*.') ? host.endsWith(p.slice(1)) && host.length > p.length - 1 : p === host;
};

interface ManifestShape {
  icons?: { color?: string; outline?: string };
  staticTabs?: { entityId?: string; contentUrl?: string; websiteUrl?: string }[];
  configurableTabs?: { configurationUrl?: string }[];
  validDomains?: string[];
  webApplicationInfo?: { id?: string; resource?: string };
}

/** Rules Teams checks on upload that the schema cannot say: every tab URL's host is a valid domain, and SSO's resource is `api://<that host>/<client id>`. */
export function checkManifestRules(manifest: unknown): PackageProblem[] {
  const m = (manifest ?? {}) as ManifestShape;
  const problems: PackageProblem[] = [];
  const domains = m.validDomains ?? [];
  const urls: [string, string | undefined][] = [
    ...(m.staticTabs ?? []).flatMap((t, i): [string, string | undefined][] => [
      [`/staticTabs/${i}/contentUrl`, t.contentUrl],
      [`/staticTabs/${i}/websiteUrl`, t.websiteUrl],
    ]),
    ...(m.configurableTabs ?? []).map((t, i): [string, string | undefined] => [
      `/configurableTabs/${i}/configurationUrl`,
      t.configurationUrl,
    ]),
  ];
  for (const [where, url] of urls) {
    if (url === undefined) continue;
    const host = hostOf(url);
    if (!url.startsWith('https://') || !host) problems.push({ where: `manifest.json ${where}`, message: `"${url}" must be an https URL` });
    else if (!domains.some((d) => domainAllows(d, host)))
      problems.push({ where: `manifest.json ${where}`, message: `"${host}" is not in validDomains` });
  }
  const sso = m.webApplicationInfo;
  if (sso?.resource !== undefined) {
    const match = /^api:\/\/([^/]+)\/(.+)$/.exec(sso.resource);
    if (!match)
      problems.push({
        where: 'manifest.json /webApplicationInfo/resource',
        message: `"${sso.resource}" must look like api://<app domain>/<client id>`,
      });
    else {
      if (!domains.some((d) => domainAllows(d, match[1]!.toLowerCase())))
        problems.push({
          where: 'manifest.json /webApplicationInfo/resource',
          message: `its domain "${match[1]}" is not in validDomains, so Teams SSO would refuse it`,
        });
      if (sso.id !== undefined && match[2] !== sso.id)
        problems.push({
          where: 'manifest.json /webApplicationInfo/resource',
          message: `ends in "${match[2]}" but webApplicationInfo.id is "${sso.id}"`,
        });
    }
  }
  return problems;
}

/** Everything Teams would refuse in a package: placeholders left, the official schema, Teams' URL rules, and the icons it names. */
export function validateAppPackage(pkg: AppPackageContents): PackageProblem[] {
  const left = placeholdersIn(JSON.stringify(pkg.manifest));
  const problems: PackageProblem[] = left.length
    ? [{ where: 'manifest.json', message: `placeholders left unfilled: ${left.join(', ')}` }]
    : [];
  problems.push(...validateManifestSchema(pkg.manifest), ...checkManifestRules(pkg.manifest));
  const icons = (pkg.manifest as ManifestShape | null)?.icons ?? {};
  const colorName = icons.color ?? 'color.png';
  const outlineName = icons.outline ?? 'outline.png';
  problems.push(...checkIcons({ name: colorName, data: pkg.files[colorName] }, { name: outlineName, data: pkg.files[outlineName] }));
  return problems;
}

/** Problems as lines for a terminal or an error message. */
export function describeProblems(problems: readonly PackageProblem[]): string {
  return problems.map((p) => `  - ${p.where}: ${p.message}`).join('\n');
}
