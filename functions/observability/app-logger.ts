import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs, one line each, on stdout: the Functions host forwards them to Application
 * Insights (APPLICATIONINSIGHTS_CONNECTION_STRING), where `correlationId` finds every line of a request
 * or a delivery. Credentials never reach a log line.
 */
export function createAppLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'school-improvement' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'authorization',
          'headers.authorization',
          '*.authorization',
          'req.headers.authorization',
          'token',
          '*.token',
          'password',
          '*.password',
        ],
        censor: '[redacted]',
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** The logger for one invocation: every line carries the function, its invocation id and the correlation id. */
export const invocationLogger = (base: Logger, fields: { functionName: string; invocationId: string; correlationId: string }): Logger =>
  base.child(fields);
