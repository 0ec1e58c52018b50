/**
 * The two loopback origins the host answers as. Whichever name the product page was opened on,
 * the app is framed from the other one, so it is always cross-origin to the page.
 */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1'] as const;

/** The origin a request was addressed to, if it is one of ours; undefined for any other Host. */
export function requestOrigin(hostHeader: string | undefined, port: number): string | undefined {
  const name = LOOPBACK_NAMES.find((n) => hostHeader === `${n}:${port}`);
  return name ? `http://${name}:${port}` : undefined;
}

export function otherLoopbackOrigin(origin: string): string {
  const url = new URL(origin);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
}
