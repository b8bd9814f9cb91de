import { createSharePointRecordStore } from '../../core/adapters/sharepoint/sharepoint-record-store';
import { createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import { loadConfig } from '../config/app-config';
import { copyTrust } from './copy-trust';
import { graphClientFromConfig } from '../config/graph-connection';
import { parseArgs } from './cli-args';

/** `npm run copy-to-sharepoint -- [--dry-run] [--site <url>]`: the trust in TRUST_DB, copied to the provisioned site. */
async function main(): Promise<void> {
  const { flags, values } = parseArgs(process.argv.slice(2));
  const config = loadConfig({
    ...process.env,
    TRUST_STORE: 'sharepoint',
    ...(values.get('site') ? { SHAREPOINT_SITE_URL: values.get('site') } : {}),
  });
  const from = createSqliteRecordStore(openSqliteDatabase(config.TRUST_DB));
  // The copy is background work: thousands of creates wait out throttling rather than fail (patience.ts).
  const to = await createSharePointRecordStore({
    client: graphClientFromConfig(config, { patience: 'background' }),
    site: { url: config.SHAREPOINT_SITE_URL as string },
  });
  const dryRun = flags.has('dry-run');
  console.log(`${dryRun ? 'Dry run: counting' : 'Copying'} the trust in ${config.TRUST_DB} to ${config.SHAREPOINT_SITE_URL}`);
  try {
    await copyTrust(from, to, { dryRun, log: (line) => console.log(line) });
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
