import type { FastifyServerOptions } from 'fastify';

/**
 * What the request log may hold. A log line outlives the retention job and is reached by neither
 * export nor delete, so it keeps nothing that ties a request to an installation: ids in paths are
 * replaced by their route parameter, and neither the client address nor any header or body is logged.
 */
const uuidInPath = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export const redactPath = (url: string | undefined): string => (url ?? '').split('?')[0]?.replace(uuidInPath, ':installationId') ?? '';

export function loggerOptions(stream?: NodeJS.WritableStream): NonNullable<FastifyServerOptions['logger']> {
  return {
    level: 'info',
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: redactPath(req.url) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      // Errors are logged with their message and stack only: our own code, never request data.
      err: (err: Error) => ({ type: err.name, message: err.message, stack: err.stack ?? '' })
    }
  };
}
