import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { collectorAnswerFileName, serializeCollectorAnswer } from '@usage-reporting/core/collector-api';
import type { CollectorApp } from '../app.js';
import { readCollectorEnv } from '../config.js';
import { deliverHandOver, type HandOverOutcome } from '../http/hand-over.js';
import { cliUsage, type CliIo } from './io.js';
import { openOfflineCollector } from './offline-collector.js';

/**
 * `usage-reporting-collector ingest [--stdout] FILE...`: hands over the files a site admin sent the
 * vendor, each exactly as the upload page would (http/hand-over.ts): the same checks, the same store,
 * the same signed answer. Each answer is written beside its file under the name the upload page
 * offers (usage-report-receipt-<id>.json...), for the vendor to send back; with --stdout, to stdout.
 * Every file is tried; the exit code is 1 if any was refused, each refusal on stderr with its reason.
 */
export async function runIngest(args: string[], io: CliIo): Promise<number> {
  const toStdout = args.includes('--stdout');
  const files = args.filter((a) => a !== '--stdout');
  if (files.length === 0 || files.some((f) => f.startsWith('-'))) {
    io.stderr.write(cliUsage);
    return 2;
  }
  const config = readCollectorEnv(io.env);
  if (!config.ok) {
    io.stderr.write(`${config.message}\n`);
    return 1;
  }
  const opened = await openOfflineCollector(config.env);
  if (!opened.ok) {
    io.stderr.write(`${opened.message}\n`);
    return 1;
  }
  let refused = 0;
  try {
    for (const file of files) {
      const said = await ingestOne(file, opened.collector, toStdout, io);
      if (!said) refused += 1;
    }
  } finally {
    await opened.close();
  }
  if (files.length > 1) io.stderr.write(`${files.length - refused} of ${files.length} files taken; answers signed by collector key ${opened.keyFingerprint}\n`);
  return refused > 0 ? 1 : 0;
}

async function ingestOne(file: string, collector: CollectorApp, toStdout: boolean, io: CliIo): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.stderr.write(`${file}: refused: the file cannot be read (${errorCode(error)})\n`);
    return false;
  }
  // The vendor's own machine: the address the unauthenticated budget is kept under, for every file of this run.
  const delivered = await deliverHandOver(collector.app, collector.context, text, { ip: '127.0.0.1' });
  if (!delivered.ok) {
    io.stderr.write(refusal(file, delivered));
    return false;
  }
  const answerText = serializeCollectorAnswer(delivered.answer);
  const done = `${file}: ${delivered.kind} ${delivered.outcome === 'accepted' ? 'accepted' : 'already held, answered as before'}`;
  if (toStdout) {
    io.stdout.write(answerText);
    io.stderr.write(`${done}\n`);
    return true;
  }
  const out = join(dirname(file), collectorAnswerFileName(delivered.payload));
  await writeFile(out, answerText);
  io.stdout.write(`${done}; answer written to ${out}\n`);
  return true;
}

function refusal(file: string, outcome: Extract<HandOverOutcome, { ok: false }>): string {
  const { code, message, issues = [] } = outcome.failure;
  const retry = outcome.retryAfterSeconds === undefined ? '' : ` (retry in ${outcome.retryAfterSeconds} s)`;
  return [`${file}: refused, ${code}: ${message}${retry}`, ...issues.map((i) => `  ${i.path}: ${i.message}`), ''].join('\n');
}

const errorCode = (error: unknown): string => {
  const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : 'error';
};
