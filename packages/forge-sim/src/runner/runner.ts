import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startCollector } from '@usage-reporting/collector';
import { startBridgeHost } from '../host/server.js';
import { loadManifest } from '../manifest/load.js';
import { createSimPlatform, type SimPlatform } from '../platform.js';
import { analyticsOrigin } from './analytics-origin.js';
import { dashboardLink, localDashboardToken } from './dashboard-token.js';
import type { RunnerOptions } from './options.js';
import { applySeed, readSeedFile, type Seed } from './seed.js';

/**
 * The local runner: the simulated Forge platform running the app, the vendor's collector standing
 * in for the manifest's analytics host (when it declares one), and the bridge host framing the admin
 * page. The app runs as its @forge/bundler bundle in .forge-build/ of the working directory.
 * Everything it keeps lives in `dataDir` (file KVS in kvs/, the collector's collector.db).
 */
export interface LocalRunner {
  url: string;
  /** The collector, undefined for an app whose manifest declares no `category: analytics` egress. */
  collectorUrl: string | undefined;
  /** The collector's dashboard, with its credentials in the URL. */
  dashboardUrl: string | undefined;
  analyticsOrigin: string | undefined;
  dataDir: string;
  platform: SimPlatform;
  close(): Promise<void>;
}

const INSTALLED_MARKER = 'installed.json';

export async function startLocalRunner(options: RunnerOptions, log: (line: string) => void): Promise<LocalRunner> {
  // Read the seed before touching anything: a bad seed file should not cost the data folder.
  const seed = options.seedFile ? await readSeedFile(options.seedFile) : undefined;
  if (seed && !seed.ok) throw new Error(seed.message);
  if (options.reset) await rm(options.dataDir, { recursive: true, force: true });
  await mkdir(options.dataDir, { recursive: true });

  const manifest = loadManifest(options.manifestPath);
  const origin = analyticsOrigin(manifest);
  const collector = origin === undefined ? undefined : await startStandInCollector(origin, options.dataDir);
  const platform = createSimPlatform({
    appDir: options.appDir,
    manifestPath: options.manifestPath,
    siteSize: options.siteSize,
    kvs: options.memory ? { kind: 'memory' } : { kind: 'file', dir: path.join(options.dataDir, 'kvs') },
    egressTargets: collector ? { [collector.origin]: collector.url } : {},
    // What `forge deploy` would upload, not the sources: whoever starts the runner (`npm start`, the
    // browser suite's global setup) builds it first with scripts/forge-bundle.cjs --if-stale.
    app: 'bundle'
  });

  try {
    if (seed) await seedKvs(platform, seed.value, log);
    await installOnce(platform, options, log, { alreadyInstalled: seed !== undefined });
    // Counters start at zero when the page can first be opened, so they measure what the page costs.
    platform.counters.reset();
    const host = await startBridgeHost({
      platform,
      manifestPath: options.manifestPath,
      resourceDir: options.resourceDir,
      port: options.port,
      collector: collector ? { origin: collector.origin, url: collector.url } : undefined,
      log
    });
    return {
      url: host.url,
      collectorUrl: collector?.url,
      dashboardUrl: collector?.dashboardUrl,
      analyticsOrigin: origin,
      dataDir: options.dataDir,
      platform,
      async close() {
        await host.close();
        platform.close();
        await collector?.close();
      }
    };
  } catch (error) {
    platform.close();
    await collector?.close();
    throw error;
  }
}

/** The vendor's collector on a free loopback port, standing in for the manifest's analytics origin. */
async function startStandInCollector(origin: string, dataDir: string) {
  const dashboardToken = await localDashboardToken(dataDir);
  const collector = await startCollector({ port: 0, host: '127.0.0.1', dbPath: path.join(dataDir, 'collector.db'), dashboardToken });
  return { origin, url: collector.url, dashboardUrl: dashboardLink(collector.url, dashboardToken), close: () => collector.close() };
}

/**
 * A seed stands for an installation that already exists, so the installed event (sent once, long
 * ago, on a real site) is not sent again; the seed carries whatever that event would have stored.
 */
async function seedKvs(platform: SimPlatform, seed: Seed, log: (line: string) => void): Promise<void> {
  const applied = await applySeed(platform.kvs, seed);
  if (!applied.ok) throw new Error(applied.message);
  log(`Seeded the KVS with ${applied.value.values} value(s) and ${applied.value.secrets} secret(s).`);
}

/** Forge sends `avi:forge:installed:app` once per installation; a data folder is one installation. */
async function installOnce(platform: SimPlatform, options: RunnerOptions, log: (line: string) => void, opts: { alreadyInstalled: boolean }): Promise<void> {
  const marker = path.join(options.dataDir, INSTALLED_MARKER);
  if (!options.memory && existsSync(marker)) return;
  if (!opts.alreadyInstalled) {
    try {
      await platform.runLifecycleInstalled();
    } catch (error) {
      // The app failing its install event is the app's bug to see, not a reason to hide the page.
      log(`The app's installed-event handler failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!options.memory) await writeFile(marker, JSON.stringify({ installedAt: new Date().toISOString() }));
}
