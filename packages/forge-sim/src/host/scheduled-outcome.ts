import { z } from 'zod';

/**
 * What the product page says after "Run scheduled trigger now": the run in words, in full. The
 * toolkit's daily job (@usage-reporting/forge's `scheduled`) returns `{ ok, run: { outbox, automatic,
 * retention, rights } }`; it is read by shape, as any value from app code. A part of another shape
 * (a newer toolkit, another app's trigger) is shown as JSON, whole, never cut.
 */
const failedStep = z.object({ error: z.string() });
const automaticSchema = z.union([
  z.object({ kind: z.literal('not-due'), reason: z.string() }),
  z.object({ kind: z.literal('blocked'), code: z.string(), message: z.string() }),
  // 'queued' (direct delivery) or 'ready-to-hand-over' (manual delivery): a report was built.
  z.object({ kind: z.string(), reportId: z.string(), status: z.string() }),
  failedStep
]);
const outboxSchema = z.union([z.object({ attempted: z.number(), sent: z.number(), stillQueued: z.number(), errors: z.array(z.string()) }), failedStep]);
const retentionSchema = z.union([z.object({ purged: z.number() }), failedStep]);
const stepSchema = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })]);
const rightsSchema = z.union([z.record(z.string(), stepSchema), failedStep]);

const toolkitRunSchema = z.union([
  z.object({ ok: z.literal(true), run: z.object({ outbox: z.unknown(), automatic: z.unknown(), retention: z.unknown(), rights: z.unknown() }) }),
  z.object({ ok: z.literal(false), reason: z.string() })
]);

export function describeScheduledRun(result: unknown): string {
  if (result === undefined || result === null) return 'the trigger returned nothing';
  const parsed = toolkitRunSchema.safeParse(result);
  if (!parsed.success) return `the trigger returned ${JSON.stringify(result)}`;
  if (!parsed.data.ok) return `the app's daily job did not run: ${parsed.data.reason}`;
  const { run } = parsed.data;
  return [
    ...part('automatic report', automaticSchema, run.automatic, (a) => [automaticWords(a)]),
    ...part('outbox retry', outboxSchema, run.outbox, outboxWords),
    ...part('history retention', retentionSchema, run.retention, retentionWords),
    ...part('rights work', rightsSchema, run.rights, rightsWords)
  ].join('; ');
}

function part<T>(name: string, schema: z.ZodType<T>, value: unknown, words: (parsed: T) => string[]): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? words(parsed.data) : [`${name}: ${JSON.stringify(value)}`];
}

function automaticWords(automatic: z.infer<typeof automaticSchema>): string {
  if ('error' in automatic) return `the automatic report failed: ${automatic.error}`;
  if ('reason' in automatic) return `nothing due: no automatic report (${automatic.reason})`;
  if ('code' in automatic) return `the automatic report was not built: ${automatic.code}: ${automatic.message}`;
  const report = `(report ${automatic.reportId})`;
  if (automatic.kind === 'ready-to-hand-over') return `automatic report prepared, ready for the admin to hand over ${report}`;
  if (automatic.status === 'sent') return `automatic report sent ${report}`;
  // Built and stored, but the collector did not take it: it waits in the outbox, which retries it.
  if (automatic.status === 'pending') return `automatic report built but not delivered yet; it waits in the outbox ${report}`;
  return `automatic report ${automatic.status} ${report}`;
}

/** Only what happened: a quiet outbox, retention or rights step would be noise in one line. */
function outboxWords(outbox: z.infer<typeof outboxSchema>): string[] {
  if ('error' in outbox) return [`the outbox retry failed: ${outbox.error}`];
  const words = outbox.attempted > 0 ? [`retried ${outbox.attempted} queued report(s): ${outbox.sent} sent, ${outbox.stillQueued} still queued`] : [];
  return [...words, ...outbox.errors.map((e) => `outbox error: ${e}`)];
}

function retentionWords(retention: z.infer<typeof retentionSchema>): string[] {
  if ('error' in retention) return [`history retention failed: ${retention.error}`];
  return retention.purged > 0 ? [`${retention.purged} report(s) past retention deleted`] : [];
}

const RIGHTS_NAMES: Record<string, string> = {
  keyRotation: 'signing key rotation',
  vendorDeletion: 'vendor deletion request',
  vendorRestriction: 'vendor restriction request',
  personalData: 'personal data reporting cycle'
};
const QUIET_VALUES = new Set(['none', 'not due', 'not-due', 'never shared']);

function rightsWords(rights: z.infer<typeof rightsSchema>): string[] {
  if ('error' in rights) return [`the rights work failed: ${rights.error}`];
  return Object.entries(rights).flatMap(([name, step]) => {
    const label = RIGHTS_NAMES[name] ?? name;
    if (!step.ok) return [`${label} failed: ${step.error}`];
    const value = stepValueWords(step.value);
    return value === undefined || QUIET_VALUES.has(value) ? [] : [`${label}: ${value}`];
  });
}

/** A rights step's value is a status word, or an outcome with a `kind` (and a `reason` when it failed). */
function stepValueWords(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || !('kind' in value) || typeof value.kind !== 'string') return undefined;
  return 'reason' in value && typeof value.reason === 'string' ? `${value.kind}: ${value.reason}` : value.kind;
}
