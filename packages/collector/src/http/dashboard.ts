import type { FastifyInstance, FastifyReply } from 'fastify';
import { routePatterns } from '@usage-reporting/core/collector-api';
import { populationField } from '../aggregate/fold-day.js';
import { dashboardOffMessage, dashboardRealm, dashboardTokenSchema, presentedToken, tokenMatches } from '../dashboard/credential.js';
import { aggregatesCsv, csvFileName } from '../dashboard/csv.js';
import { addDays } from '../dashboard/days.js';
import { indexAdoptionDays, renderIndex } from '../dashboard/index-page.js';
import { renderMetric } from '../dashboard/metric-page.js';
import { resolveView } from '../dashboard/query.js';
import type { AggregateCell, CollectorStore } from '../store/store.js';
import type { CollectorContext } from './context.js';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const securityHeaders = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store'
};

const plain = (reply: FastifyReply, status: number, message: string) =>
  reply.code(status).type('text/plain; charset=utf-8').headers(securityHeaders).send(message);

/**
 * GET /dashboard, for the vendor only. Each load reads a bounded slice of the aggregates (the newest
 * day, or one field over at most a two-year range), never the whole table, and yields between its
 * queries and the render, so ingest requests queued behind it wait for one step at most.
 */
export function registerDashboard(app: FastifyInstance, context: Pick<CollectorContext, 'store' | 'catalog' | 'k' | 'now'>, token: string | undefined): void {
  // Checked here as well as in config.ts: the runner and tests pass the token without the environment.
  if (token !== undefined) {
    const checked = dashboardTokenSchema.safeParse(token);
    if (!checked.success) throw new RangeError(checked.error.issues.map((i) => i.message).join('; '));
  }
  app.get(routePatterns.dashboard, async (request, reply) => {
    // 503, not 404 or 401: the dashboard exists but this deployment has not been given what it needs
    // to serve it, which is the operator's to fix; the message says how. No credential could help.
    if (token === undefined) return plain(reply, 503, dashboardOffMessage);
    if (!tokenMatches(presentedToken(request.headers.authorization), token)) {
      // The Basic challenge makes a browser prompt; the password is the token, any user name.
      reply.header('www-authenticate', `Basic realm="${dashboardRealm}", charset="UTF-8"`);
      return plain(reply, 401, 'The dashboard needs the collector dashboard token: as the password (any user name) or as "Authorization: Bearer <token>".\n');
    }

    const { store, catalog, k } = context;
    const span = await store.aggregateSpan();
    const lastDay = span?.lastDay ?? context.now().toISOString().slice(0, 10);
    const resolved = resolveView(request.query, catalog, lastDay);
    if (!resolved.ok) return plain(reply, 400, `${resolved.message}\n`);
    const { view } = resolved;

    let html: string;
    if (view.kind === 'index') {
      const latest = span ? await store.aggregatesOnDay(span.lastDay) : [];
      await yieldToEventLoop();
      const adoption = span ? await store.aggregatesFor({ field: populationField, fromDay: addDays(span.lastDay, -(indexAdoptionDays - 1)), toDay: span.lastDay }) : [];
      await yieldToEventLoop();
      html = renderIndex({ span, latest, adoption, catalog, k, generatedAt: context.now() });
    } else {
      const range = { fromDay: view.fromDay, toDay: view.toDay };
      if (view.format === 'csv') {
        const csv = aggregatesCsv(await readInSlices(store, view.field, range));
        return reply
          .type('text/csv; charset=utf-8')
          .headers(securityHeaders)
          .header('content-disposition', `attachment; filename="${csvFileName(view.field, view.fromDay, view.toDay)}"`)
          .send(csv);
      }
      const population = await readInSlices(store, populationField, range);
      const cells = view.field === populationField ? population : await readInSlices(store, view.field, range);
      html = renderMetric({ field: view.field, ...range, span, cells, population, catalog, k, generatedAt: context.now() });
    }
    return reply.type('text/html; charset=utf-8').headers(securityHeaders).send(html);
  });
}

/**
 * Two years of a twelve-value field is 8,760 rows; read at once that held the loop for 20 to 40 ms on
 * a loaded two-core machine. Slices of two months keep each synchronous read to a few milliseconds.
 */
const sliceDays = 61;
async function readInSlices(store: CollectorStore, field: string, range: { fromDay: string; toDay: string }): Promise<AggregateCell[]> {
  const out: AggregateCell[] = [];
  for (let from = range.fromDay; from <= range.toDay; from = addDays(from, sliceDays)) {
    const to = addDays(from, sliceDays - 1);
    out.push(...(await store.aggregatesFor({ field, fromDay: from, toDay: to < range.toDay ? to : range.toDay })));
    await yieldToEventLoop();
  }
  return out;
}
