import { systemClock } from '../../core/ports/clock.port';
import { devIdentityEnabled, loadConfig } from '../config/app-config';
import { composeLocal, type LocalApp } from './compose-local';
import { playgroundConfigFor, playgroundUserArg } from '../../bot/local/playground-config';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startPlayground } from '../../bot/local/playground';
import type { RunningAzuriteStorage } from '../../bot/local/azurite';
import { startLocalDeliveryStorage } from '../../bot/local/local-delivery-storage';
import type { BotOptions } from '../../bot/compose-bot';
import { dirname, join } from 'node:path';

/** Daily reminder sweep time, UK time (the Azure timer's local stand-in). */
const SWEEP_AT = process.env.REMINDER_SWEEP_AT ?? '07:30';

/**
 * Azurite's table and queue services beside the host (data in `.data/azurite`, loopback only) for
 * conversation references, the sent log, the reminder queue and its delivery ledger. When it cannot
 * start, says why and returns nothing: the bot then keeps references in memory and sends reminders
 * directly, and `npm start` still works.
 */
async function startTableStorage(
  dataDir: string,
): Promise<{ azurite?: RunningAzuriteStorage; storage?: BotOptions['storage']; delivery?: BotOptions['delivery']; note: string }> {
  if (process.env.AZURITE === 'off') return { note: 'in memory (AZURITE=off)' };
  const location = join(dataDir, 'azurite');
  try {
    const { azurite, storage, delivery } = await startLocalDeliveryStorage({
      tablePort: Number(process.env.AZURITE_TABLE_PORT ?? 10002),
      queuePort: Number(process.env.AZURITE_QUEUE_PORT ?? 10001),
      location,
      timeoutMs: 20_000,
    });
    return {
      azurite,
      storage,
      delivery,
      note: `Azure Table storage and the reminder queue on Azurite at http://127.0.0.1:${azurite.table.port} and :${azurite.queue.port} (data in ${location})`,
    };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    console.warn(
      `Azurite could not start, so conversation references are kept in memory and reminders are sent without the queue this run: ${why}`,
    );
    return { note: 'in memory (Azurite did not start; see the warning above)' };
  }
}

/**
 * Who the Playground chats as: the repo's config (the CEO) unless `--as <person>` or
 * `PLAYGROUND_USER` names someone else, whose config is written under the data folder, so trying
 * another role edits no tracked file.
 */
async function playgroundFor(local: LocalApp, dataDir: string): Promise<{ name: string; dir?: string }> {
  const who = playgroundUserArg(process.argv.slice(2), process.env);
  if (!who) return { name: 'Dr Helen Marsh, the CEO' };
  const person = who.includes('@') ? await local.store.people.byEmail(who) : await local.store.people.get(who);
  if (!person)
    throw new Error(`--as ${who}: nobody with that id or e-mail is in the trust (README: "Who to try"; /api/people?as=ceo lists everyone)`);
  const dir = join(dataDir, 'playground');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.m365agentsplayground.yml'), playgroundConfigFor(person));
  return { name: `${person.name} (${person.id})`, dir };
}

/** `npm start`: the whole product locally on the embedded default, no tenant and no network. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.TRUST_MODE !== 'local')
    throw new Error('npm start runs the local host; production runs as an Azure Functions app (see README)');
  const dataDir = config.TRUST_DB === ':memory:' ? '.data' : dirname(config.TRUST_DB);
  const tables = await startTableStorage(dataDir);
  process.on('exit', () => {
    tables.azurite?.table.child.kill();
    tables.azurite?.queue.child.kill();
  });
  const local = await composeLocal(config, systemClock, {
    bot: {
      dailySweepAt: SWEEP_AT,
      ...(tables.storage ? { storage: tables.storage } : {}),
      ...(tables.delivery ? { delivery: tables.delivery } : {}),
    },
  });
  if (local.seeded) {
    const s = local.seeded;
    local.logger.info(
      `Seeded ${s.trust}: ${s.academies} academies, ${s.people} people, ${s.meetings} meetings for ${s.academicYear} as of ${s.today}`,
    );
  }
  const chatAs = await playgroundFor(local, dataDir);
  const server = local.app.listen(config.PORT, config.HOST, () => {
    const base = `http://localhost:${config.PORT}`;
    console.log(
      [
        '',
        `  School improvement app running on ${base}`,
        `    Health:     ${base}/health`,
        ...(devIdentityEnabled(config)
          ? [
              `    API:        ${base}/api/dashboard?as=ceo   (local dev identity: ?as=<person id or e-mail>, or the x-dev-person header)`,
              `    Try:        ${base}/api/academies/brook-lane?as=ceo · ${base}/api/my-work?as=head-oakfield · ${base}/api/planner?as=aid-graham`,
              `    People:     ${base}/api/people?as=ceo`,
            ]
          : [
              `    API:        ${base}/api   (Teams SSO tokens only: the dev identity is off because a tunnel, an SSO audience or a bot id is configured)`,
            ]),
        `    Calendar:   each person's private feed link is in My work (${base}/tab/my-work)`,
        `    Data:       ${config.TRUST_DB} (npm run reset re-seeds it)`,
        `    Bot:        ${base}/api/messages · chat with it in the Agents Playground at http://localhost:56150 as ${chatAs.name} (npm start -- --as <person id>; PLAYGROUND=off skips it)`,
        `    Bot store:  conversation references and sent reminders ${tables.note}`,
        `    Reminders:  swept daily at ${SWEEP_AT} UK time (next ${local.bot.scheduler?.nextRun()?.toISOString() ?? 'never'}), and at start-up if that time has passed today`,
        '',
      ].join('\n'),
    );
  });
  const playground =
    process.env.PLAYGROUND === 'off'
      ? undefined
      : startPlayground({ botEndpoint: `http://localhost:${config.PORT}/api/messages`, ...(chatAs.dir ? { dir: chatAs.dir } : {}) });
  // Children first, so nothing outlives `npm start` even if closing the host is slow; exit within 5 s regardless.
  const stop = () => {
    playground?.kill();
    setTimeout(() => process.exit(0), 5000).unref();
    const azurite = tables.azurite?.stop();
    server.closeAllConnections();
    server.close(() => void Promise.all([local.close(), azurite]).finally(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
