import { runIngest } from './ingest-command.js';
import type { CliIo } from './io.js';
import { runPublicKey } from './public-key-command.js';

/**
 * The bin's sub-commands (main.ts). Without one the bin starts the collector as it always has; with
 * one it does that job, with the same COLLECTOR_* configuration, and exits. Each returns its exit
 * code: 0 done, 1 refused or misconfigured (the reason on stderr), 2 used wrongly.
 */
export const cliCommands = ['ingest', 'public-key'] as const;
export type CliCommand = (typeof cliCommands)[number];

export const isCliCommand = (arg: string | undefined): arg is CliCommand => cliCommands.some((c) => c === arg);

export function runCli(command: CliCommand, args: string[], io: CliIo): Promise<number> {
  switch (command) {
    case 'ingest':
      return runIngest(args, io);
    case 'public-key':
      return runPublicKey(args, io);
  }
}
