/** Where a sub-command reads its configuration and writes its output: the process's, or a test's. */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const cliUsage = [
  'usage: usage-reporting-collector                           start the collector (configured by COLLECTOR_* variables)',
  '       usage-reporting-collector ingest [--stdout] FILE...  hand over files a site admin sent: each signed answer is',
  '                                                           written beside its file, or to stdout with --stdout',
  "       usage-reporting-collector public-key                print the public key to put in the app's configuration",
  ''
].join('\n');
