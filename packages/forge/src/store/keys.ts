/** Every KVS key the app writes, in one place, so export and erase can reason about all of them. */
export const keys = {
  installation: 'installation',
  /** Written by the app-installed trigger: when the app was installed (packages/forge/src/context/installation.ts). */
  installedRecord: 'installation:record',
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
  /** `order` breaks ties between entries of one instant (repositories.ts ledgerWrite); `id` keeps keys unique. */
  ledger: (at: string, order: string, id: string) => `ledger:${at}:${order}:${id}`,
  ledgerPrefix: 'ledger:',
  vendorDeletion: 'vendor:deletion',
  /** The installation's key chain (public keys and endorsements, packages/core/src/collector-api/key-chain.ts). */
  keyChain: 'identity:key-chain',
  /** A rotation's endorsement of the next key, written before the collector is told, so a retry sends the same link. */
  pendingKeyLink: 'identity:pending-link',
  /** The purposes the vendor was asked to stop using this installation's data for, pending until acknowledged. */
  vendorRestriction: 'vendor:restriction',
  privacyCycle: 'privacy:last-cycle',
  /** Manual delivery: a report's hand-over file, kept so every download gives the same bytes. */
  handOver: (reportId: string) => `handover:${reportId}`,
  handOverPrefix: 'handover:',
  /** The last rights request of a kind (export, delete, restrict): its file in manual mode, and the collector's verified answer. */
  rightsRequest: (kind: string) => `rights:request:${kind}`,
  rightsRequestPrefix: 'rights:request:',
  /** The vendor's verified export document, kept for the admin to download (when it fits a KVS value). */
  vendorExport: 'vendor:export',
  historyAggregate: 'history:aggregate',
  meterDayPrefix: 'meter:day:',
  meterDay: (day: string) => `meter:day:${day}`
} as const;

/** Kept in KVS secret storage (kvs.setSecret), never in a plain value, never exported. */
export const secretKeys = {
  /** The Ed25519 key pair the installation signs with now (packages/forge/src/identity/signing-keys.ts). */
  signingKey: 'signing-key',
  /**
   * A rotation's new key pair, written before the collector is told of it, so a rotation cut short at
   * any point leaves a key the collector accepts (packages/forge/src/rights/rotate-key.ts).
   */
  signingKeyNext: 'signing-key-next'
} as const;
