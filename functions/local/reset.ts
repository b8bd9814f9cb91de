import { rmSync } from 'node:fs';
import { systemClock } from '../../core/ports/clock.port';
import { loadConfig } from '../config/app-config';
import { composeLocal } from './compose-local';

/** `npm run reset`: deletes the local database and seeds the demo trust again as of today. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.TRUST_MODE !== 'local' || config.TRUST_STORE !== 'sqlite') throw new Error('reset only touches the local SQLite store');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.TRUST_DB}${suffix}`, { force: true });
  const local = await composeLocal({ ...config, LOG_LEVEL: 'warn' }, systemClock);
  const s = local.seeded!;
  console.log(
    `Re-seeded ${s.trust}: ${s.academies} academies, ${s.people} people, ${s.meetings} meetings for ${s.academicYear} as of ${s.today} in ${config.TRUST_DB}`,
  );
  await local.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
