import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { metricCatalog, type Catalog } from '@usage-reporting/core';
import { maxReportBytes } from '@usage-reporting/core/collector-api';
import { routePatterns } from '@usage-reporting/core/collector-api';
import { collectorAnswerSigner, generateInstallationKeyPair, type Ed25519KeyPair } from '@usage-reporting/core/node';
import { defaultK, defaultMinReportingDays, defaultRetentionDays, runRetention, type RetentionOutcome } from './aggregate/retention.js';
import type { CollectorContext } from './http/context.js';
import { registerCorrections } from './http/corrections.js';
import { failure, sendFailure } from './http/errors.js';
import { registerDashboard } from './http/dashboard.js';
import { defaultHandOverDays } from './http/hand-over-policy.js';
import { registerIngest } from './http/ingest.js';
import { loggerOptions } from './http/log.js';
import { defaultRateLimit, defaultUnauthenticatedPerMinute, perMinute, RateLimiter, type RateLimit } from './http/rate-limit.js';
import { registerRights } from './http/rights.js';
import { registerUpload } from './http/upload.js';
import type { DeletionLog } from './deletion-log/log-file.js';
import type { CollectorStore } from './store/store.js';

export interface CollectorAppOptions {
  store: CollectorStore;
  /** The collector's clock; tests advance it instead of sleeping. */
  now?: () => Date;
  retentionDays?: number;
  /** Minimum installations in a published aggregate cell. */
  k?: number;
  /** Distinct days an installation must have reported on before it counts in aggregates (1: off). */
  minReportingDays?: number;
  /** Per verified installation. */
  ingestRateLimit?: RateLimit;
  rightsRateLimit?: RateLimit;
  /** Per source address, over every request that fails authentication. */
  unauthenticatedRateLimit?: RateLimit;
  catalog?: Catalog;
  /** The vendor's dashboard credential (COLLECTOR_DASHBOARD_TOKEN); without one, /dashboard refuses every request. */
  dashboardToken?: string;
  /** Request log on stdout (true) or on the given stream; off by default. See http/log.ts for what it keeps. */
  logger?: boolean | NodeJS.WritableStream;
  /**
   * The collector's own key, which signs every receipt and acknowledgement (receipts/signing-key.ts
   * reads it from the configuration). Unset: a key made for this app alone, which nobody can have
   * configured in an app; fine for tests and tools, never for a collector an app relies on.
   */
  signingKey?: Ed25519KeyPair;
  /** How many days after the app made it a hand-over file is still taken (upload page, CLI). */
  handOverDays?: number;
  /**
   * Records every acknowledged deletion, retraction and restriction change outside the database, so a
   * restored backup cannot undo it (deletion-log/). The service and the CLI pass the configured one;
   * unset, nothing is logged.
   */
  deletionLog?: DeletionLog;
}

export interface CollectorApp {
  app: FastifyInstance;
  context: CollectorContext;
  /** Folds changed days into aggregates, then deletes raw reports past retention. */
  runRetention(): Promise<RetentionOutcome>;
}

/** The collector's HTTP app over a store, without listening: tests drive it with `inject`. */
export function buildCollectorApp(options: CollectorAppOptions): CollectorApp {
  const now = options.now ?? (() => new Date());
  const k = options.k ?? defaultK;
  if (!Number.isInteger(k) || k < 2) throw new RangeError('k must be an integer of at least 2');
  const retentionDays = options.retentionDays ?? defaultRetentionDays;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new RangeError('retentionDays must be a positive integer');
  const minReportingDays = options.minReportingDays ?? defaultMinReportingDays;
  if (!Number.isInteger(minReportingDays) || minReportingDays < 1) throw new RangeError('minReportingDays must be a positive integer');
  const handOverDays = options.handOverDays ?? defaultHandOverDays;
  if (!Number.isInteger(handOverDays) || handOverDays < 1) throw new RangeError('handOverDays must be a positive integer');
  const context: CollectorContext = {
    store: options.store,
    now,
    catalog: options.catalog ?? metricCatalog,
    k,
    retentionDays,
    ingestLimiter: new RateLimiter(options.ingestRateLimit ?? defaultRateLimit, now),
    rightsLimiter: new RateLimiter(options.rightsRateLimit ?? defaultRateLimit, now),
    unauthenticatedLimiter: new RateLimiter(options.unauthenticatedRateLimit ?? perMinute(defaultUnauthenticatedPerMinute), now),
    answerSigner: collectorAnswerSigner(options.signingKey ?? generateInstallationKeyPair()),
    handOver: { token: randomBytes(32).toString('base64url'), windowMs: handOverDays * 24 * 60 * 60 * 1000 },
    deletionLog: options.deletionLog ?? null
  };

  const logger = options.logger === undefined || options.logger === false ? false : loggerOptions(options.logger === true ? undefined : options.logger);
  const app = Fastify({ logger, bodyLimit: maxReportBytes, return503OnClosing: true });
  // Keep the body as the exact text received, whatever its content type: the signature is verified
  // over those bytes before anything else, and ingest stores and digests them. Handlers check the
  // content type and parse the JSON themselves, after authentication, so an unsigned request learns
  // nothing from a validation answer. (Only the size limit answers first: it reveals nothing.)
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendFailure(reply, failure('PAYLOAD_TOO_LARGE', `The body exceeds the limit for this request.`));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendFailure(reply, failure('UNSUPPORTED_MEDIA_TYPE', 'Send content-type application/json.'));
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors (bad content-length, malformed headers): no detail, they may quote input.
      return reply.code(error.statusCode).send({ error: { code: 'MALFORMED_JSON', message: 'The request could not be read.' } });
    }
    request.log.error({ err: error }, 'collector handler failed');
    return sendFailure(reply, failure('INTERNAL', 'The collector failed; retry later.'));
  });
  app.setNotFoundHandler((_request, reply) => sendFailure(reply, failure('NOT_FOUND', 'No such endpoint.')));

  registerIngest(app, context);
  registerRights(app, context);
  registerCorrections(app, context);
  registerUpload(app, context);

  app.get(routePatterns.health, async () => ({ ok: true }));
  registerDashboard(app, context, options.dashboardToken);

  return {
    app,
    context,
    runRetention: () => runRetention({ store: context.store, now: now(), retentionDays, k, catalog: context.catalog, minReportingDays })
  };
}
