import { provisionSite } from '../../core/adapters/sharepoint/provisioning/provision-site';
import { resolveSiteId } from '../../core/adapters/sharepoint/site-lists';
import { loadConfig } from '../config/app-config';
import { graphClientFromConfig } from '../config/graph-connection';
import { parseArgs } from './cli-args';

/** `npm run provision -- --site <url> [--dry-run]`: lists, columns, indexes and the papers library. */
async function main(): Promise<void> {
  const { flags, values } = parseArgs(process.argv.slice(2));
  const config = loadConfig({
    ...process.env,
    TRUST_STORE: 'sharepoint',
    ...(values.get('site') ? { SHAREPOINT_SITE_URL: values.get('site') } : {}),
  });
  // Provisioning is background work: it waits as long as SharePoint asks (core/adapters/graph/patience.ts).
  const client = graphClientFromConfig(config, { patience: 'background' });
  const siteId = await resolveSiteId(client, config.SHAREPOINT_SITE_URL as string);
  const dryRun = flags.has('dry-run');
  const steps = await provisionSite(client, siteId, { dryRun, log: (line) => console.log(line) });
  console.log(
    steps.length === 0 ? 'The site is up to date: nothing to change.' : `${dryRun ? 'Would make' : 'Made'} ${steps.length} change(s).`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
