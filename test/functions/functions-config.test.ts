import { Writable } from 'node:stream';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { defineFunctions } from '../../functions/azure/function-definitions';
import { createFunctionsRuntime } from '../../functions/azure/runtime';
import { createAppLogger } from '../../functions/observability/app-logger';

/** A Functions app with a missing setting answers 503 with a correlation id and logs which setting, rather than crashing or half-working. */
test('a misconfigured app answers 503 and the log names each missing setting', async () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write: (c: Buffer, _e, done) => (
      c
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach((l) => lines.push(JSON.parse(l) as Record<string, unknown>)),
      done()
    ),
  });
  const logger = createAppLogger('info', sink);
  const env = {
    TRUST_MODE: 'production',
    TRUST_STORE: 'sharepoint',
    SHAREPOINT_SITE_URL: 'https://meadowbank.sharepoint.com/sites/improvement',
    AZURE_TENANT_ID: 't',
    AZURE_CLIENT_ID: 'c',
    AZURE_CLIENT_SECRET: 's',
  };
  const api = defineFunctions(createFunctionsRuntime(env, { logger }), logger).find((f) => f.name === 'api')!;
  const res = await (
    api.handler as (
      r: HttpRequest,
      c: InvocationContext,
    ) => Promise<{ status?: number; headers?: Record<string, string>; jsonBody?: unknown }>
  )(
    new HttpRequest({ method: 'GET', url: 'https://improve.example.net/api/me', headers: { 'x-correlation-id': 'cfg-1' } }),
    new InvocationContext({ invocationId: 'i1', functionName: 'api' }),
  );
  expect(res.status).toBe(503);
  expect(res.headers?.['x-correlation-id']).toBe('cfg-1');
  const failure = lines.find((l) => l.correlationId === 'cfg-1' && l.level === 'error');
  const message = JSON.stringify(failure);
  for (const setting of ['PUBLIC_BASE_URL', 'SSO_APP_ID_URI', 'BOT_ID', 'ORGANISER_MAILBOX', 'AzureWebJobsStorage'])
    expect(message).toContain(setting);
  expect(message).not.toContain('"s"');
});
