import { z } from 'zod';
import { failures, ok, type KvsResult } from './errors.js';
import { kvsLimits } from './limits.js';
import { isLive, viewOf, type RecordView } from './records.js';
import { queryRequestSchema } from './schemas.js';
import { parseBody, type KvsContext, type OperationResult } from './single.js';

/**
 * `kvs.query()` over plain keys only (secrets and entities are not queryable this way), in key
 * order, so paging is stable while keys are added or removed between pages.
 */
export async function queryKeys(ctx: KvsContext, body: unknown): Promise<OperationResult> {
  const request = parseBody(queryRequestSchema, body);
  if (!request.ok) return request;
  const { limit = kvsLimits.defaultQueryLimit, after, where, options } = request.value;
  if (!Number.isInteger(limit) || limit < 1 || limit > kvsLimits.maxQueryLimit) {
    return failures.listQueryLimitExceeded(kvsLimits.maxQueryLimit);
  }
  const prefix = parsePrefix(where);
  if (!prefix.ok) return prefix;
  const start = after === undefined ? ok(undefined) : decodeCursor(after);
  if (!start.ok) return start;

  const now = ctx.now();
  const matching = (await ctx.store.list('kvs'))
    .filter(({ key, record }) => key.startsWith(prefix.value) && isLive(record, now))
    .filter(({ key }) => start.value === undefined || compareKeys(key, start.value) > 0)
    .sort((a, b) => compareKeys(a.key, b.key));

  const page = matching.slice(0, limit);
  const data: RecordView[] = page.map(({ key, record }) => viewOf(key, record, options?.metadataFields));
  const last = page.at(-1);
  // A cursor only when another page exists, so `while (cursor)` loops end on the last page.
  return ok(matching.length > limit && last ? { data, cursor: encodeCursor(last.key) } : { data });
}

function parsePrefix(where: z.infer<typeof queryRequestSchema>['where']): KvsResult<string> {
  if (where === undefined || where.length === 0) return ok('');
  if (where.length > 1) return failures.queryWhereInvalid();
  const [clause] = where;
  if (!clause) return ok('');
  if (clause.property !== 'key') return failures.queryWhereFieldInvalid();
  if (clause.condition !== 'BEGINS_WITH') return failures.invalidFilterCondition();
  const [value, ...rest] = clause.values;
  if (rest.length > 0 || (typeof value !== 'string' && typeof value !== 'number')) return failures.invalidFilterValues();
  return ok(String(value));
}

/** Byte-wise order of UTF-16 code units: the same for the ASCII keys the key pattern allows. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const cursorSchema = z.object({ after: z.string() });

/** Opaque to the app: base64url of the last key returned. */
function encodeCursor(lastKey: string): string {
  return Buffer.from(JSON.stringify({ after: lastKey }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): KvsResult<string> {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return ok(parsed.data.after);
  } catch {
    // Not base64url JSON: fall through to the same answer as any other foreign cursor.
  }
  return failures.badRequest('the cursor is not one this service issued');
}
