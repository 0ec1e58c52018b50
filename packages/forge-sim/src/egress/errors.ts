/**
 * Forge's refusal of an undeclared egress host, with the same name, status and message as
 * @forge/api's ExternalEndpointNotAllowedError (sim/ does not import @forge/api: it must load before
 * the SDK captures the sandbox's fetch).
 */
export class EgressNotAllowedError extends Error {
  override readonly name: string = 'REQUEST_EGRESS_ALLOWLIST_ERR';
  readonly status = 403;
  constructor(readonly url: string) {
    super(`URL not included in the external fetch backend permissions: ${url}. Visit go.atlassian.com/forge-egress for more information.`);
  }
}

/** What Node's fetch throws when a host does not resolve: a declared host with no loopback target. */
export function unreachableHostError(hostname: string): TypeError {
  const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
  return new TypeError('fetch failed', { cause });
}

/**
 * An egress attempt by an app whose manifest declares no `permissions.external`: Forge refuses it as
 * it refuses any undeclared host, and the simulator also records it (SimEgress.violations), because an
 * app built for zero egress that tries at all has a bug its own error handling would hide.
 */
export class EgressViolationError extends EgressNotAllowedError {
  readonly violation = 'zero-egress' as const;
  constructor(url: string) {
    super(url);
    this.message = `${this.message} (this app's manifest declares no permissions.external: the simulator records every egress attempt as a violation)`;
  }
}
