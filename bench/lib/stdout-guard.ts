/**
 * While sections run under --json, anything they write to stdout (a stray console.log, a library's
 * banner) goes to stderr instead, so stdout carries exactly one JSON object. Returns the restore.
 */
export function divertStdoutToStderr(): () => void {
  const original = process.stdout.write;
  const toStderr = (...args: Parameters<typeof process.stdout.write>): boolean =>
    (process.stderr.write as (...a: Parameters<typeof process.stdout.write>) => boolean).apply(process.stderr, args);
  process.stdout.write = toStderr as typeof process.stdout.write;
  return () => {
    process.stdout.write = original;
  };
}
