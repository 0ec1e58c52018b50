import Fastify from 'fastify';
import { ingestPath } from '@usage-reporting/core/collector-api';

/**
 * The floor the collector is compared with: a Fastify route on the same path, of the same Fastify,
 * that parses the same JSON body and inserts its raw bytes into the same engine, and does nothing
 * else: no signature, no nonce, no validation, no limits, no receipt. Bench code only; the collector
 * never ships it. `collector_ingest_vs_bare` is our ingest over this route's.
 */
export interface BareRow {
  reportId: string;
  installationId: string;
  receivedAt: string;
  /** The request body exactly as received. */
  bytes: string;
}

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/** A table in the engine under test; the route awaits `insert` before it answers 201. */
export interface BareTable {
  insert(row: BareRow): void | Promise<void>;
  close(): Promise<void>;
}

const text = (value: unknown, key: string): string | null => {
  const field: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  return typeof field === 'string' ? field : null;
};

export async function startBareIngest(table: BareTable): Promise<BareServer> {
  const app = Fastify({ logger: false });
  // Kept as text and parsed here, as the collector does: the bytes stored are the bytes received.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, { bytes: body, parsed: JSON.parse(String(body)) as unknown });
    } catch (err) {
      done(err instanceof Error ? err : new Error(String(err)), undefined);
    }
  });
  app.post(ingestPath, async (request, reply) => {
    const body = request.body;
    const bytes = text(body, 'bytes');
    const parsed: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'parsed') : undefined;
    const reportId = text(parsed, 'reportId');
    const installationId = text(parsed, 'installationId');
    // Not validation: without an id there is no row to insert at all.
    if (bytes === null || reportId === null || installationId === null) return reply.code(400).send({ error: 'no reportId or installationId' });
    await table.insert({ reportId, installationId, receivedAt: new Date().toISOString(), bytes });
    return reply.code(201).send({ reportId });
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    close: async () => {
      await app.close();
      await table.close();
    }
  };
}
