/**
 * The collector's HTTP paths. The app's sender and rights client build URLs from these,
 * the collector registers its routes from them, so the two cannot drift.
 */
export const ingestPath = '/v1/reports';

/** Route patterns as the collector registers them (Fastify syntax). */
export const routePatterns = {
  ingest: ingestPath,
  installationKey: '/v1/installations/:installationId/key',
  export: '/v1/installations/:installationId/export',
  data: '/v1/installations/:installationId/data',
  restrictions: '/v1/installations/:installationId/restrictions',
  report: '/v1/installations/:installationId/reports/:reportId',
  correction: '/v1/installations/:installationId/reports/:reportId/correction',
  dashboard: '/dashboard',
  /** The upload page for hand-over files (upload.ts): GET serves it, POST takes one file. */
  upload: '/upload',
  uploadScript: '/upload/upload.js',
  uploadStyle: '/upload/upload.css',
  health: '/healthz'
} as const;

/** Concrete paths for one installation. The id goes into the path as-is: it is a uuid, nothing to escape. */
export const installationPaths = (installationId: string) => ({
  /** PUT (signed by the chain's newest key): the installation's key chain (key-chain.ts). */
  key: `/v1/installations/${installationId}/key`,
  /** GET (signed): everything held about the installation, as one JSON document. */
  export: `/v1/installations/${installationId}/export`,
  /** DELETE (signed): erase all raw data held about the installation. */
  data: `/v1/installations/${installationId}/data`,
  /** PUT (signed): the complete set of purposes the installation's data may no longer serve. */
  restrictions: `/v1/installations/${installationId}/restrictions`,
  /** DELETE (signed): retract one report the installation sent (corrections.ts). */
  report: (reportId: string) => `/v1/installations/${installationId}/reports/${reportId}`,
  /** POST (signed, body = the correcting report's bytes): replace one report the installation sent (corrections.ts). */
  correction: (reportId: string) => `/v1/installations/${installationId}/reports/${reportId}/correction`
});
