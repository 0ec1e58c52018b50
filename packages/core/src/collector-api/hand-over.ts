import { z } from 'zod';
import { idempotencyKeyHeader } from './ingest.js';
import { ingestPath, installationPaths } from './paths.js';
import { collectorAnswerFormat } from './signed-answer.js';

/**
 * The hand-over file: manual delivery mode, where the app has no egress at all. The app signs exactly
 * the request it would have sent (client.ts reportRequest, correctionRequest, rightsRequest) and the
 * site admin downloads it as this file; the vendor's collector takes it on its upload page or through
 * its CLI, replays the request through the very routes a direct send reaches (signature, key chain,
 * replay, rate limits, schema, privacy guard), and hands back its signed answer (signed-answer.ts).
 *
 * The file is the request, not a description of it: method, path, the signature headers and the exact
 * body text, as the installation signed them. Nothing outside `request` and `keyChain` is trusted:
 * `kind` and `installationId` are there for people and for clear error messages, and must agree with
 * the request they describe. The body is the report text the admin previewed, character for character.
 *
 * `keyChain` is the signed key-chain presentation (PUT /v1/installations/:id/key) the app would send
 * when the collector did not recognise its key: include it when the installation has rotated its key,
 * since a manual-mode collector may never have seen the chain. null otherwise.
 */
export const handOverFormat = 'usage-reporting/hand-over';
export const handOverVersion = 1;

export const handOverKinds = ['report', 'correction', 'retract', 'export', 'delete', 'restrict'] as const;
export const handOverKindSchema = z.enum(handOverKinds);
export type HandOverKind = z.infer<typeof handOverKindSchema>;

/** The installation header of a signed request (http-signature.ts installationHeader; this entry may not import it). */
const installationHeaderName = 'ur-installation';

/** Largest body a hand-over request may carry: a key-chain presentation (96 KiB) with room to spare. */
export const maxHandOverBodyLength = 128 * 1024;

/** Exactly the headers the app's signed requests carry (client.ts), in that order; nothing else travels in a file. */
export const handOverRequestSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
  path: z.string().regex(/^\/[A-Za-z0-9/_-]{0,300}$/),
  headers: z.strictObject({
    'content-type': z.literal('application/json').optional(),
    [idempotencyKeyHeader]: z.uuid().optional(),
    [installationHeaderName]: z.uuid(),
    'content-digest': z.string().max(100).optional(),
    'signature-input': z.string().max(400),
    signature: z.string().max(200)
  }),
  /** The exact body text the signature's content-digest covers; '' for a request without a body. */
  body: z.string().max(maxHandOverBodyLength)
});
export type HandOverRequest = z.infer<typeof handOverRequestSchema>;

export const handOverSchema = z.strictObject({
  format: z.literal(handOverFormat),
  version: z.literal(handOverVersion),
  kind: handOverKindSchema,
  installationId: z.uuid(),
  /** When the app made the file (ISO-8601 UTC); the signature's own `created` is what the collector checks. */
  createdAt: z.iso.datetime(),
  request: handOverRequestSchema,
  keyChain: handOverRequestSchema.nullable()
});
export type HandOver = z.infer<typeof handOverSchema>;

const uuidPart = '([0-9A-Fa-f-]{36})';
const routes: Array<{ kind: HandOverKind | 'key-chain'; method: HandOverRequest['method']; pattern: RegExp; body: boolean }> = [
  { kind: 'report', method: 'POST', pattern: new RegExp(`^${ingestPath}$`), body: true },
  { kind: 'correction', method: 'POST', pattern: pathPattern(installationPaths(':i').correction(':r')), body: true },
  { kind: 'retract', method: 'DELETE', pattern: pathPattern(installationPaths(':i').report(':r')), body: false },
  { kind: 'export', method: 'GET', pattern: pathPattern(installationPaths(':i').export), body: false },
  { kind: 'delete', method: 'DELETE', pattern: pathPattern(installationPaths(':i').data), body: false },
  { kind: 'restrict', method: 'PUT', pattern: pathPattern(installationPaths(':i').restrictions), body: true },
  { kind: 'key-chain', method: 'PUT', pattern: pathPattern(installationPaths(':i').key), body: true }
];

/** The collector's paths (paths.ts), as patterns: built from them, so a moved route moves here too. */
function pathPattern(template: string): RegExp {
  return new RegExp(`^${template.replace(':i', uuidPart).replace(':r', uuidPart)}$`);
}

/** Which request this is, by method and path, with the installation the path names (if it names one). */
function routeOf(request: Pick<HandOverRequest, 'method' | 'path'>): { kind: HandOverKind | 'key-chain'; pathInstallation: string | null; body: boolean } | null {
  for (const route of routes) {
    const match = route.method === request.method ? route.pattern.exec(request.path) : null;
    if (match) return { kind: route.kind, pathInstallation: match[1] ?? null, body: route.body };
  }
  return null;
}

export type HandOverProblem =
  /** Not JSON at all: cut short, or some other file. */
  | 'not-json'
  /** JSON, but not a hand-over file. */
  | 'not-a-hand-over'
  /** A collector answer: it belongs in the app, not at the collector. */
  | 'collector-answer'
  /** A hand-over file of a version this code does not read. */
  | 'unsupported-version'
  /** A hand-over file with a missing or damaged part. */
  | 'damaged'
  /** The parts are intact but disagree: the kind or installation named is not the request's. */
  | 'wrong-kind';

export type ParsedHandOver = { ok: true; handOver: HandOver } | { ok: false; problem: HandOverProblem; message: string };

const fail = (problem: HandOverProblem, message: string): ParsedHandOver => ({ ok: false, problem, message });

/**
 * Reads a hand-over file. Never throws. The messages are written for the person holding the file (the
 * upload page shows them as they are) and never quote the file's values. A file that parses is well
 * formed and self-consistent; whether its signature holds is the collector's to decide.
 */
export function parseHandOver(text: string): ParsedHandOver {
  let json: unknown;
  try {
    // A byte-order mark is what an editor that opened and saved the file may add; JSON has none.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('not-json', 'The file is not JSON: it may be cut short, or it is not the file the app downloaded.');
  }
  const format: unknown = typeof json === 'object' && json !== null ? Reflect.get(json, 'format') : undefined;
  if (format === collectorAnswerFormat) {
    return fail('collector-answer', "This is an answer from the collector (a receipt or acknowledgement), not a file from the app. Paste or upload it on the app's Usage reporting page instead.");
  }
  if (format !== handOverFormat) {
    return fail('not-a-hand-over', "This file is not a usage-reporting hand-over file. Upload the file the app's Usage reporting page downloaded.");
  }
  const version: unknown = Reflect.get(json as object, 'version');
  if (version !== handOverVersion) {
    return fail('unsupported-version', `This file is hand-over version ${typeof version === 'number' ? version : 'unknown'}; this collector reads version ${handOverVersion}. Update the collector.`);
  }
  const parsed = handOverSchema.safeParse(json);
  if (!parsed.success) {
    // Paths of the schema's own keys only: the issue path never holds a key the file chose.
    const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(the file itself)'))].slice(0, 5);
    return fail('damaged', `The file is damaged: ${where.join(', ')} ${where.length === 1 ? 'does' : 'do'} not have the expected form. Download it again from the app.`);
  }
  const problem = inconsistency(parsed.data);
  return problem === null ? { ok: true, handOver: parsed.data } : fail('wrong-kind', problem);
}

/** Why the file's parts disagree, in words for its holder; null when they agree. */
function inconsistency(h: HandOver): string | null {
  const route = routeOf(h.request);
  if (route === null || route.kind === 'key-chain') return `The file says it holds a ${h.kind} request, but its request is not one the app sends in a file.`;
  if (route.kind !== h.kind) return `The file says it holds a ${h.kind} request, but its request is a ${route.kind} request.`;
  if (h.request.headers[installationHeaderName] !== h.installationId || (route.pathInstallation !== null && route.pathInstallation !== h.installationId)) {
    return 'The file names one installation and its request another.';
  }
  if (route.body !== (h.request.body !== '')) return `A ${h.kind} request ${route.body ? 'carries' : 'carries no'} body, and this one ${route.body ? 'has none' : 'has one'}.`;
  if ((h.kind === 'report' || h.kind === 'correction') && h.request.headers[idempotencyKeyHeader] === undefined) {
    return `A ${h.kind} request names its report in the ${idempotencyKeyHeader} header, and this one does not.`;
  }
  if (h.keyChain !== null) {
    const chainRoute = routeOf(h.keyChain);
    if (chainRoute?.kind !== 'key-chain') return "The file's key chain is not a key-chain presentation.";
    if (chainRoute.pathInstallation !== h.installationId || h.keyChain.headers[installationHeaderName] !== h.installationId) {
      return "The file's key chain is another installation's.";
    }
  }
  return null;
}

/** A signed request as client.ts builds it (CollectorHttpRequest), taken as it is. */
export interface SignedRequestLike {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

const requestOf = (r: SignedRequestLike): HandOverRequest => {
  const h = r.headers;
  // Built in the schema's key order, so a file read back and written again is the same text.
  return handOverRequestSchema.parse({
    method: r.method,
    path: r.path,
    headers: {
      ...(h['content-type'] === undefined ? {} : { 'content-type': h['content-type'] }),
      ...(h[idempotencyKeyHeader] === undefined ? {} : { [idempotencyKeyHeader]: h[idempotencyKeyHeader] }),
      [installationHeaderName]: h[installationHeaderName],
      ...(h['content-digest'] === undefined ? {} : { 'content-digest': h['content-digest'] }),
      'signature-input': h['signature-input'],
      signature: h.signature
    },
    body: r.body
  });
};

/**
 * Wraps the signed request the direct transport would have sent (the same builder, the same bytes)
 * as a hand-over file. The kind and installation are read off the request. `keyChainRequest`: the
 * signed key-chain presentation (rightsRequest `present-key-chain`), when the installation has rotated.
 * Throws on a request the app's builders never make (a header too many, a path no route has): that
 * is a bug at the caller, not something a user can cause.
 */
export function createHandOver(input: { request: SignedRequestLike; keyChainRequest?: SignedRequestLike | null; createdAt: Date }): HandOver {
  const known = new Set<string>(Object.keys(handOverRequestSchema.shape.headers.shape));
  for (const r of [input.request, ...(input.keyChainRequest ? [input.keyChainRequest] : [])]) {
    const extra = Object.keys(r.headers).filter((name) => !known.has(name));
    if (extra.length > 0) throw new TypeError(`createHandOver: the request carries headers a hand-over file does not: ${extra.join(', ')}`);
  }
  const request = requestOf(input.request);
  const route = routeOf(request);
  if (route === null || route.kind === 'key-chain') throw new TypeError(`createHandOver: ${request.method} ${request.path} is not a request the app hands over`);
  const handOver: HandOver = {
    format: handOverFormat,
    version: handOverVersion,
    kind: route.kind,
    installationId: request.headers[installationHeaderName],
    createdAt: input.createdAt.toISOString(),
    request,
    keyChain: input.keyChainRequest ? requestOf(input.keyChainRequest) : null
  };
  const problem = inconsistency(handOver);
  if (problem !== null) throw new TypeError(`createHandOver: ${problem}`);
  return handOver;
}

/** The file's text: indented for a person to read, one trailing newline. parseHandOver reads it back to the same value. */
export const serializeHandOver = (handOver: HandOver): string => `${JSON.stringify(handOver, null, 2)}\n`;

/** The exact report text inside a report or correction file (what the admin previewed); null for rights requests. */
export const handOverReportText = (handOver: HandOver): string | null => (handOver.kind === 'report' || handOver.kind === 'correction' ? handOver.request.body : null);
