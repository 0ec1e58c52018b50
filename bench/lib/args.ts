import { z } from 'zod';

/**
 * `npm run bench -- [--json] [--quick] [--only NAME[,NAME]] [--sections DIR]`.
 * Unknown flags are refused: a mistyped `--qiuck` silently running the full bench would cost minutes.
 */
export const benchArgsSchema = z.strictObject({
  json: z.boolean(),
  quick: z.boolean(),
  only: z.array(z.string().min(1)).nullable(),
  sectionsDir: z.string().nullable()
});
export type BenchArgs = z.infer<typeof benchArgsSchema>;

export type ParsedArgs = { ok: true; args: BenchArgs } | { ok: false; message: string };

export function parseBenchArgs(argv: readonly string[]): ParsedArgs {
  const args: BenchArgs = { json: false, quick: false, only: null, sectionsDir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg === '--quick') args.quick = true;
    else if (arg === '--only' || arg === '--sections') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `${arg} needs a value` };
      i++;
      if (arg === '--only') args.only = value.split(',').filter((s) => s !== '');
      else args.sectionsDir = value;
    } else return { ok: false, message: `unknown argument '${String(arg)}' (expected --json, --quick, --only NAME, --sections DIR)` };
  }
  return { ok: true, args: benchArgsSchema.parse(args) };
}
