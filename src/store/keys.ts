/** Every KVS key the app writes, in one place, so export and erase can reason about all of them. */
export const keys = {
  installation: 'installation',
  consent: 'consent',
  settings: 'settings',
  draft: (draftId: string) => `draft:${draftId}`,
  draftPrefix: 'draft:',
  sendClaim: (draftId: string) => `claim:send:${draftId}`,
  automaticClaim: (day: string) => `claim:automatic:${day}`,
  claimPrefix: 'claim:',
  report: (reportId: string) => `report:${reportId}`,
  reportPrefix: 'report:',
  /** Written the moment the collector acknowledges a report: the proof it left, whatever else races. */
  receipt: (reportId: string) => `receipt:${reportId}`,
  receiptPrefix: 'receipt:',
  outbox: (reportId: string) => `outbox:${reportId}`,
  outboxPrefix: 'outbox:',
  ledger: (at: string, id: string) => `ledger:${at}:${id}`,
  ledgerPrefix: 'ledger:',
  vendorDeletion: 'vendor:deletion',
  vendorKey: 'vendor:key-established',
  /** The purposes the vendor was asked to stop using this installation's data for, pending until acknowledged. */
  vendorRestriction: 'vendor:restriction',
  privacyCycle: 'privacy:last-cycle',
  historyAggregate: 'history:aggregate',
  meterDayPrefix: 'meter:day:',
  meterDay: (day: string) => `meter:day:${day}`
} as const;

/** Kept in KVS secret storage (kvs.setSecret), never in a plain value, never exported. */
export const secretKeys = {
  collectorSecret: 'collector-secret',
  /**
   * A rotation's new secret, written before the collector is asked to switch to it, so a rotation cut
   * short at any point leaves a secret the collector accepts (src/rights/rotate-key.ts).
   */
  collectorSecretNext: 'collector-secret-next'
} as const;
