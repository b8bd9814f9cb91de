import { systemClock } from '../../core/ports/clock.port';
import { loadConfig } from '../config/app-config';
import { composeLocal } from './compose-local';
import { startPlayground } from '../../bot/local/playground';

/** `npm start`: the whole product locally on the embedded default, no tenant and no network. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.TRUST_MODE !== 'local') throw new Error('npm start runs the local host; production runs as an Azure Functions app (see README)');
  const local = await composeLocal(config, systemClock);
  if (local.seeded) {
    const s = local.seeded;
    local.logger.info(`Seeded ${s.trust}: ${s.academies} academies, ${s.people} people, ${s.meetings} meetings for ${s.academicYear} as of ${s.today}`);
  }
  const server = local.app.listen(config.PORT, config.HOST, () => {
    const base = `http://localhost:${config.PORT}`;
    console.log(
      [
        '',
        `  School improvement app running on ${base}`,
        `    Health:     ${base}/health`,
        `    API:        ${base}/api/dashboard?as=ceo   (local dev identity: ?as=<person id or e-mail>, or the x-dev-person header)`,
        `    Try:        ${base}/api/academies/brook-lane?as=ceo · ${base}/api/my-work?as=head-oakfield · ${base}/api/planner?as=aid-graham`,
        `    People:     ${base}/api/people?as=ceo`,
        `    Data:       ${config.TRUST_DB} (npm run reset re-seeds it)`,
        `    Bot:        ${base}/api/messages · chat with it in the Agents Playground at http://localhost:56150 (set PLAYGROUND=off to skip)`,
        '',
      ].join('\n'),
    );
  });
  const playground = process.env.PLAYGROUND === 'off' ? undefined : startPlayground({ botEndpoint: `http://localhost:${config.PORT}/api/messages` });
  const stop = () => {
    playground?.kill();
    server.close(() => void local.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
