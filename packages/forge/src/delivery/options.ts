import { deliveryModeSchema, type DeliveryMode } from '@usage-reporting/core/api';
import { collectorPublicKeyFrom, type CollectorPublicKey } from '@usage-reporting/core/node';

/** Where a vendor puts the collector's public key: `forge variables set USAGE_REPORTING_COLLECTOR_PUBLIC_KEY <key>`. */
export const collectorKeyVariable = 'USAGE_REPORTING_COLLECTOR_PUBLIC_KEY';

export interface DeliveryOption {
  mode: DeliveryMode;
}

/** The delivery setting as createUsageReporting was given it; a mistake is a TypeError naming what to write instead. */
export function parseDeliveryOption(value: unknown): DeliveryOption {
  const mode: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'mode') : undefined;
  const parsed = deliveryModeSchema.safeParse(mode);
  if (!parsed.success) {
    const got = value === undefined ? 'nothing' : mode === undefined ? 'no mode' : `mode ${JSON.stringify(mode)}`;
    throw new TypeError(
      `createUsageReporting: \`delivery\` must be { mode: 'direct' } (the collector is the manifest's one plain backend egress) or { mode: 'manual' } (no egress; the admin hands files over), got ${got}`
    );
  }
  return { mode: parsed.data };
}

/** An explicit `collectorPublicKey` option is checked where the app is wired, so a typo fails at load. */
export function checkCollectorKeyOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new TypeError('createUsageReporting: `collectorPublicKey` must be a string (the key `usage-reporting-collector public-key` prints)');
  const key = collectorPublicKeyFrom(value);
  if (!key.ok) throw new TypeError(`createUsageReporting: \`collectorPublicKey\`: ${key.message}`);
  return value;
}

/**
 * The collector key answers are verified against: the option, else the Forge environment variable,
 * read on every call (inside the invocation), so `forge variables set` takes effect without a rebuild.
 * Never throws: a missing or malformed key is a value the page shows and every verification refuses.
 */
export function collectorKeyFrom(option: string | undefined): () => CollectorPublicKey {
  return () => {
    const text = option ?? process.env[collectorKeyVariable];
    if (text === undefined || text.trim() === '') {
      return { ok: false, message: `no collector public key is configured: set it with \`forge variables set ${collectorKeyVariable} <key>\`` };
    }
    const key = collectorPublicKeyFrom(text);
    return key.ok ? key : { ok: false, message: `${option === undefined ? collectorKeyVariable : 'collectorPublicKey'}: ${key.message}` };
  };
}
