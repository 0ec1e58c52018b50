import { checkConditions, conditionsHold } from './conditions.js';
import { failures, ok, type KvsResult } from './errors.js';
import { kvsLimits } from './limits.js';
import { isLive, nextRecord } from './records.js';
import { transactionRequestSchema, type Conditions, type TransactionRequest, type Ttl } from './schemas.js';
import { parseBody, type KvsContext, type OperationResult } from './single.js';
import type { JsonValue, KvsWrite } from './store.js';
import { checkValueFor, resolveTarget, type Target } from './targets.js';

interface Step {
  target: Target;
  conditions?: Conditions;
  /** undefined: a check only; null: a delete; a value: a set. */
  write?: { value: JsonValue | null; ttl?: Ttl };
}

/**
 * `kvs.transact()`: every operation commits or none does. Limits: at most 25 operations, each key
 * once. Conditions (`check`, conditional set/delete) apply to custom entities and are evaluated
 * against the values as they were before the transaction.
 */
export async function transact(ctx: KvsContext, body: unknown): Promise<OperationResult> {
  const request = parseBody(transactionRequestSchema, body);
  if (!request.ok) return request;
  const steps = collectSteps(request.value);
  if (!steps.ok) return steps;

  const now = ctx.now();
  const writes: KvsWrite[] = [];
  for (const step of steps.value) {
    const { namespace, key } = step.target;
    const stored = await ctx.store.get(namespace, key);
    const current = isLive(stored, now) ? stored : undefined;
    if (step.conditions && !conditionsHold(step.conditions, current?.value)) return failures.conditionFailed(key);
    if (step.write === undefined) continue;
    const record = step.write.value === null ? null : nextRecord(current, step.write.value, step.write.ttl, now);
    writes.push({ namespace, key, record });
  }
  await ctx.store.commit(writes);
  return ok(undefined);
}

function collectSteps(request: TransactionRequest): KvsResult<Step[]> {
  const raw = [
    ...(request.set ?? []).map((s) => ({ ...s, write: { value: s.value, ttl: s.options?.ttl } })),
    ...(request.delete ?? []).map((d) => ({ ...d, write: { value: null } })),
    ...(request.check ?? []).map((c) => ({ ...c, write: undefined }))
  ];
  if (raw.length === 0) return failures.badRequest('a transaction must contain at least one operation');
  if (raw.length > kvsLimits.maxTransactionOperations) {
    return failures.badRequest(`a transaction can contain at most ${kvsLimits.maxTransactionOperations} operations`);
  }
  const steps: Step[] = [];
  const seen = new Set<string>();
  for (const op of raw) {
    const target = resolveTarget('kvs', op.key, op.entityName);
    if (!target.ok) return target;
    const id = `${target.value.namespace}\u0000${op.key}`;
    if (seen.has(id)) return failures.badRequest(`each key can only be used once in a transaction ('${op.key}')`);
    seen.add(id);
    if (op.conditions) {
      if (op.entityName === undefined) return failures.badRequest('conditions apply to custom entities only');
      const checked = checkConditions(op.conditions);
      if (!checked.ok) return checked;
    }
    if (op.write && op.write.value !== null) {
      const value = checkValueFor(target.value, op.write.value);
      if (!value.ok) return value;
    }
    steps.push({ target: target.value, conditions: op.conditions, write: op.write });
  }
  return ok(steps);
}
