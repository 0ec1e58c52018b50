import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** What packing, installing and running in a vendor's project need: child processes and tarballs. */

export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  const child = spawn(command, args, { cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

export async function mustRun(command: string, args: readonly string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

export interface Packed {
  name: string;
  tarball: string;
}

/** `npm pack` of the named workspace folders, as `npm publish` would pack them, into `destination`. */
export async function packWorkspaces(repoRoot: string, folders: readonly string[], destination: string): Promise<Packed[]> {
  const workspaces = folders.flatMap((folder) => ['-w', folder]);
  const out = await mustRun(npm, ['pack', '--json', '--pack-destination', destination, ...workspaces], repoRoot);
  const packed = JSON.parse(out) as { name: string; filename: string }[];
  return packed.map((p) => ({ name: p.name, tarball: join(destination, p.filename) }));
}

/** The files in a tarball, relative to the package (npm puts everything under `package/`). */
export async function tarballFiles(tarball: string): Promise<string[]> {
  const listing = await mustRun('tar', ['-tzf', tarball], process.cwd());
  return listing
    .split('\n')
    .filter((line) => line !== '' && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''));
}

/** Every file a package.json names for a consumer: main, types, bin, and each target of `exports`. */
export function entryFiles(manifest: Record<string, unknown>): string[] {
  const targets: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect);
  };
  collect(manifest.main);
  collect(manifest.types);
  collect(manifest.bin);
  collect(manifest.exports);
  return [...new Set(targets.map((target) => target.replace(/^\.\//, '')))].sort();
}

/** One diagnostic line per tsc error (`file(line,col): error TSxxxx: ...`), for a readable failure. */
export const tscErrors = (result: Run): string[] => `${result.stdout}${result.stderr}`.split('\n').filter((line) => /error TS\d+/.test(line));
