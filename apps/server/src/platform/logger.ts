import { type FastifyServerOptions, LogController } from 'fastify';

/**
 * Logger options: JSON logs with personal data redacted. Request bodies are never logged; the paths
 * below catch personal fields that a log call might include by mistake.
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.idNumber',
  '*.id_number',
  '*.phone',
  '*.address',
  '*.creditCode',
  '*.*.idNumber',
  '*.*.phone',
  '*.*.address',
];

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[已脱敏]' },
    serializers: {
      req(req) {
        // Query strings may carry search terms such as ID numbers: log the path only.
        return { method: req.method, url: req.url.split('?')[0], ip: req.ip };
      },
    },
  };
}

/**
 * Fastify gives every request a child logger (bound to its request id), built with the redaction
 * rules, and logs each request's arrival and completion through it (building the log objects and
 * the response time first): a cost on every request. With logging off (`LOG_LEVEL=silent`) nothing
 * would be written, so requests share the root logger and the request log lines are not prepared.
 */
export function requestLoggerOptions(
  level: string,
): Pick<FastifyServerOptions, 'childLoggerFactory' | 'logController'> {
  return level === 'silent'
    ? {
        childLoggerFactory: (logger) => logger,
        logController: new LogController({ disableRequestLogging: true }),
      }
    : {};
}
