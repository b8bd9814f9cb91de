import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createSharePointRecordStore } from '../../core/adapters/sharepoint/sharepoint-record-store';
import { createSqliteAuditLog, createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import { isNotFoundError } from '../../core/domain/errors';
import { formatImportReport, rejectedRowsCsv } from '../../core/domain/onboarding-report';
import type { ImportFile } from '../../core/domain/onboarding-plan';
import { systemClock } from '../../core/ports/clock.port';
import type { RecordStore } from '../../core/ports/record-store.port';
import { auditedStore } from '../../core/services/audited-store';
import { applyImport, planImport, type OnboardingInput } from '../../core/services/onboarding-import.service';
import { loadConfig } from '../config/app-config';
import { graphClientFromConfig } from '../config/graph-connection';
import { parseArgs } from './cli-args';

const USAGE =
  'usage: npm run import -- [--academies academies.csv] [--people people.csv] [--dry-run] [--report rejected.csv]  (see docs/onboarding.md)';

/** Who the audit log says made the CLI's writes: a named system job, as the reminder sweep is. */
const ACTOR = 'system:csv-import';

/** The trust's store as the other CLIs choose it: SQLite at TRUST_DB, or SharePoint with TRUST_STORE=sharepoint. */
async function openStore(): Promise<{ store: RecordStore; where: string; close(): Promise<void> }> {
  const config = loadConfig();
  if (config.TRUST_STORE === 'sharepoint') {
    const store = await createSharePointRecordStore({
      client: graphClientFromConfig(config, { patience: 'background' }),
      site: { url: config.SHAREPOINT_SITE_URL as string },
    });
    // The audit trail lives beside the SQLite store only (no SharePoint audit list yet), so these writes are not audited.
    return { store, where: config.SHAREPOINT_SITE_URL as string, close: () => store.close() };
  }
  if (config.TRUST_DB !== ':memory:' && !existsSync(config.TRUST_DB))
    throw new Error(`No trust database at ${config.TRUST_DB}: run \`npm start\` once (it creates it) or set TRUST_DB`);
  const db = openSqliteDatabase(config.TRUST_DB);
  const raw = createSqliteRecordStore(db);
  const store = auditedStore(raw, createSqliteAuditLog(db), ACTOR, systemClock, randomUUID);
  return { store, where: config.TRUST_DB, close: () => raw.close() };
}

function readInput(file: ImportFile, path: string | undefined): { text?: string; problem?: string } {
  if (path === undefined) return {};
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (e) {
    const code = (e as { code?: string }).code;
    return {
      problem: `${file} file ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** `--report out.csv`: one input's rejected rows go to out.csv; with both, to out.academies.csv and out.people.csv. */
function reportPaths(base: string, both: boolean): Record<ImportFile, string> {
  if (!both) return { academies: base, people: base };
  const stem = base.replace(/\.csv$/i, '');
  return { academies: `${stem}.academies.csv`, people: `${stem}.people.csv` };
}

/** `npm run import -- --academies a.csv --people p.csv [--dry-run] [--report out.csv]`. */
async function main(): Promise<number> {
  const { flags, values } = parseArgs(process.argv.slice(2));
  const paths = { academies: values.get('academies'), people: values.get('people') };
  if (flags.has('help') || (!paths.academies && !paths.people)) {
    console.error(USAGE);
    return 1;
  }
  const dryRun = flags.has('dry-run');
  const academies = readInput('academies', paths.academies);
  const people = readInput('people', paths.people);
  const unreadable = [academies.problem, people.problem].filter((p): p is string => p !== undefined);
  for (const p of unreadable) console.error(`Could not read the ${p}`);
  const input: OnboardingInput = {
    ...(academies.text !== undefined ? { academiesCsv: academies.text } : {}),
    ...(people.text !== undefined ? { peopleCsv: people.text } : {}),
  };
  if (input.academiesCsv === undefined && input.peopleCsv === undefined) return 2;

  const opened = await openStore();
  const { store, where } = opened;
  try {
    const deps = { store, clock: systemClock };
    console.log(`${dryRun ? 'Checking (dry run)' : 'Importing'} into ${where}\n`);
    const plan = await planImport(deps, input);
    const written = dryRun ? undefined : await applyImport(deps, plan);
    console.log(formatImportReport(plan, { dryRun, ...(written ? { written } : {}) }));

    const reportTo = values.get('report');
    if (reportTo) {
      const targets = reportPaths(reportTo, input.academiesCsv !== undefined && input.peopleCsv !== undefined);
      for (const file of ['academies', 'people'] as const) {
        const csv = rejectedRowsCsv(plan, file);
        if (csv) {
          writeFileSync(targets[file], '\uFEFF' + csv); // a BOM so Excel opens it as UTF-8
          console.log(`Rejected ${file} rows written to ${targets[file]}`);
        }
      }
    }
    // Nothing readable at all is a failure; rejected rows are the report doing its job.
    const readable = (['academies', 'people'] as const).some((f) => plan.files[f] !== undefined);
    return readable ? 0 : 2;
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(
      isNotFoundError(e) && e.kind === 'trust'
        ? 'There is no trust in this store yet: run `npm start` once (it seeds one), or provision the trust first.'
        : e instanceof Error
          ? e.message
          : e,
    );
    process.exit(1);
  },
);
