import { kvs } from '@forge/kvs';
import { metricCatalog } from '@usage-reporting/core';
import { consentStateSchema, initialConsent, type ConsentState } from '@usage-reporting/core';
import { sha256Hex } from '@usage-reporting/core/node';
import { ledgerEntrySchema, type LedgerEntry } from '@usage-reporting/core';
import { formatVersionOf } from '@usage-reporting/core';
import type { SimPlatform } from '@usage-reporting/forge-sim';
import { reportRecordSchema } from '../src/store/records';
import { KEY_NAMESPACE } from '../src/store/kvs-store';

/**
 * The consent invariant, checked independently of the engine's own gate (packages/forge/src/core/coverage.ts):
 * a transmission is covered when, at that moment, sharing is on, every field in the bytes belongs to
 * an accepted format and an allowed category and purpose, the declared purposes are allowed, and
 * a per-case report's exact bytes were consented to (a send-per-case ledger entry with their digest),
 * while an automatic report goes out only in automatic mode.
 */
export interface Transmission {
  reportId: string;
  body: string;
}

export interface AppState {
  consent: ConsentState;
  ledger: LedgerEntry[];
  triggers: Map<string, 'per-case' | 'automatic' | 'correction'>;
}

/** The app's stored state, read outside any fault: consent, ledger, and each report's trigger. */
export function readAppState(platform: SimPlatform): Promise<AppState> {
  return platform.runAsInvocation({ functionKey: 'scheduled' }, async () => {
    const all: Array<{ key: string; value: unknown }> = [];
    let cursor: string | undefined;
    do {
      let q = kvs.query().limit(100);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany();
      // The toolkit's own keys, by the names keys.ts gives them (the store adds the namespace).
      for (const r of page.results) if (r.key.startsWith(KEY_NAMESPACE)) all.push({ key: r.key.slice(KEY_NAMESPACE.length), value: r.value });
      cursor = page.nextCursor;
    } while (cursor);
    const stored = all.find((e) => e.key === 'consent');
    const triggers = new Map<string, 'per-case' | 'automatic' | 'correction'>();
    const ledger: LedgerEntry[] = [];
    for (const e of all) {
      if (e.key.startsWith('report:')) {
        const r = reportRecordSchema.safeParse(e.value);
        if (r.success) triggers.set(r.data.reportId, r.data.trigger);
      }
      if (e.key.startsWith('ledger:')) ledger.push(ledgerEntrySchema.parse(e.value));
    }
    return { consent: stored ? consentStateSchema.parse(stored.value) : initialConsent, ledger, triggers };
  });
}

/** Why a transmission was NOT covered by the state in force, or null when it was. */
export function uncovered(t: Transmission, state: AppState): string | null {
  const { consent } = state;
  if (consent.mode !== 'per-case' && consent.mode !== 'automatic') return `sent while sharing was '${consent.mode}'`;
  if (consent.acceptedFormat < 1) return 'sent before any format was accepted';
  const report = JSON.parse(t.body) as { format: string; fields: Record<string, unknown>; purposes: string[] };
  if (formatVersionOf(report.format) > metricCatalog.formatVersion) return `format ${report.format} is newer than the app`;
  for (const key of Object.keys(report.fields)) {
    const entry = metricCatalog.byKey.get(key);
    if (!entry) return `field ${key} is not in the catalog`;
    if (entry.since > consent.acceptedFormat) return `field ${key} (format ${entry.since}) was not accepted (accepted ${consent.acceptedFormat})`;
    if (consent.restrictions.categories.includes(entry.category)) return `field ${key}: category ${entry.category} is excluded`;
    if (consent.restrictions.fields.includes(key)) return `field ${key} is excluded`;
    if (!consent.restrictions.purposes.includes(entry.purpose)) return `field ${key}: purpose ${entry.purpose} is not allowed`;
  }
  const extra = report.purposes.filter((p) => !consent.restrictions.purposes.some((allowed) => allowed === p));
  if (extra.length > 0) return `declares purpose ${extra[0]} which is not allowed`;
  const trigger = state.triggers.get(t.reportId);
  if (trigger === 'automatic') return consent.mode === 'automatic' ? null : 'an automatic report sent outside automatic mode';
  const digest = sha256Hex(t.body);
  const consented = state.ledger.some((e) => e.action === 'send-per-case' && e.digest === digest);
  if (trigger === 'per-case') return consented ? null : 'a per-case report whose bytes no admin consented to';
  return consented ? null : 'a report the app has no record of';
}
