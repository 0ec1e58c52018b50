import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/**
 * The URL a collector process prints once it listens ("collector listening on http://…"); rejects
 * with everything it printed when it exits first. For suites that start the real program.
 */
export function waitForListening(child: ChildProcessByStdio<null, Readable, Readable>): Promise<string> {
  return new Promise((found, fail) => {
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const match = /collector listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) found(match[1]);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('exit', (code, signal) => fail(new Error(`the collector exited (${code ?? signal}) before listening:\n${out}${err}`)));
  });
}
