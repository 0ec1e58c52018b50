import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { loadCatalogModule, startCollector } from '@usage-reporting/collector';
import { startBridgeHost } from '../host/server.js';
import { loadManifest } from '../manifest/load.js';
import { SIM_PRODUCTS } from '../installations.js';
import { createSimPlatform, type SimPlatform } from '../platform.js';
import { collectorOrigin } from './analytics-origin.js';
import { collectorSigningKey } from './collector-key.js';
import { dashboardLink, localDashboardToken } from './dashboard-token.js';
import { readInstalledMarker, writeInstalledMarker } from './installed-marker.js';
import type { RunnerOptions } from './options.js';
import { applySeed, readSeedFile, type Seed } from './seed.js';

/**
 * The local runner: the simulated Forge platform running the app, the vendor's collector standing
 * in for the manifest's analytics host (when it declares one), and the bridge host framing the admin
 * page. The app runs as its @forge/bundler bundle in .forge-build/ of the working directory, installed
 * in Jira and in Confluence of the simulated site: two installations, as on a real site, each with its
 * own KVS. Everything it keeps lives in `dataDir` (each installation's KVS in kvs/<product>/, which
 * installations got their installed event in installed.json, the collector's collector.db).
 */
export interface LocalRunner {
  url: string;
  /**
   * The stand-in collector: the app's egress target in direct delivery; in manual delivery (no egress
   * declared) only the admin's browser reaches it, on its upload page (`/upload`).
   */
  collectorUrl: string | undefined;
  /** The collector's dashboard, with its credentials in the URL. */
  dashboardUrl: string | undefined;
  /** The manifest's collector origin the loopback collector stands in for; undefined for a zero-egress (manual delivery) app. */
  analyticsOrigin: string | undefined;
  dataDir: string;
  platform: SimPlatform;
  close(): Promise<void>;
}

export async function startLocalRunner(options: RunnerOptions, log: (line: string) => void): Promise<LocalRunner> {
  // Read the seed before touching anything: a bad seed file should not cost the data folder.
  const seed = options.seedFile ? await readSeedFile(options.seedFile) : undefined;
  if (seed && !seed.ok) throw new Error(seed.message);
  if (options.reset) await rm(options.dataDir, { recursive: true, force: true });
  await mkdir(options.dataDir, { recursive: true });

  const manifest = loadManifest(options.manifestPath);
  const origin = collectorOrigin(manifest);
  // Started for either delivery mode: a manual-delivery app never reaches it, its admin does.
  const collector = await startStandInCollector(origin, options.dataDir);
  const platform = createSimPlatform({
    appDir: options.appDir,
    manifestPath: options.manifestPath,
    siteSize: options.siteSize,
    kvs: options.memory ? { kind: 'memory' } : { kind: 'file', dir: path.join(options.dataDir, 'kvs') },
    egressTargets: origin === undefined ? {} : { [origin]: collector.url },
    // What a vendor sets with `forge variables set`: the app verifies the collector's signed answers with it.
    variables: { USAGE_REPORTING_COLLECTOR_PUBLIC_KEY: collector.publicKey },
    // What `forge deploy` would upload, not the sources: whoever starts the runner (`npm start`, the
    // browser suite's global setup) builds it first with scripts/forge-bundle.cjs --if-stale.
    app: 'bundle'
  });

  try {
    if (seed) await seedKvs(platform, seed.value, log);
    await installOnce(platform, options, log, { alreadyInstalled: seed !== undefined });
    // The installed events switched the site from product to product; the page starts on the default.
    platform.site.configure({ product: 'jira' });
    // Counters start at zero when the page can first be opened, so they measure what the page costs.
    platform.counters.reset();
    const host = await startBridgeHost({
      platform,
      manifestPath: options.manifestPath,
      resourceDir: options.resourceDir,
      port: options.port,
      collector: origin === undefined ? undefined : { origin, url: collector.url },
      log
    });
    return {
      url: host.url,
      collectorUrl: collector.url,
      dashboardUrl: collector.dashboardUrl,
      analyticsOrigin: origin,
      dataDir: options.dataDir,
      platform,
      async close() {
        await host.close();
        platform.close();
        await collector.close();
      }
    };
  } catch (error) {
    platform.close();
    await collector.close();
    throw error;
  }
}

/** The vendor's collector on a free loopback port (standing in for the manifest's collector origin, if it declares one). */
async function startStandInCollector(origin: string | undefined, dataDir: string) {
  const dashboardToken = await localDashboardToken(dataDir);
  const signingKey = await collectorSigningKey(dataDir);
  // The vendor's catalog, named as the collector itself is told it (COLLECTOR_CATALOG): an app with a
  // catalog of its own (SSO Config) needs its collector to know its fields, or every report is refused.
  const named = process.env.COLLECTOR_CATALOG;
  const catalog = named === undefined || named === '' ? undefined : await loadCatalogModule(named);
  if (catalog && !catalog.ok) throw new Error(catalog.message);
  const collector = await startCollector({
    port: 0,
    host: '127.0.0.1',
    dbPath: path.join(dataDir, 'collector.db'),
    dashboardToken,
    signingKey,
    ...(catalog?.ok ? { catalog: catalog.catalog } : {})
  });
  return { origin, url: collector.url, publicKey: signingKey.publicKey, dashboardUrl: dashboardLink(collector.url, dashboardToken), close: () => collector.close() };
}

/**
 * A seed stands for installations that already exist, so the installed event (sent once, long ago,
 * on a real site) is not sent again; the seed carries whatever that event would have stored. Each
 * product's installation starts from it, so a test may open either product on the seeded state.
 */
async function seedKvs(platform: SimPlatform, seed: Seed, log: (line: string) => void): Promise<void> {
  let applied: Awaited<ReturnType<typeof applySeed>> | undefined;
  for (const product of SIM_PRODUCTS) {
    applied = await applySeed(platform.installation(product).kvs, seed);
    if (!applied.ok) throw new Error(`${applied.message} (in the ${product} installation)`);
  }
  if (applied?.ok) log(`Seeded the KVS with ${applied.value.values} value(s) and ${applied.value.secrets} secret(s). Each installation (${SIM_PRODUCTS.join(', ')}) starts from them.`);
}

/** Forge sends `avi:forge:installed:app` once per installation: once in Jira, once in Confluence. */
async function installOnce(platform: SimPlatform, options: RunnerOptions, log: (line: string) => void, opts: { alreadyInstalled: boolean }): Promise<void> {
  const installed = options.memory ? {} : await readInstalledMarker(options.dataDir);
  const due = SIM_PRODUCTS.filter((product) => installed[product] === undefined);
  if (due.length === 0) return;
  for (const product of due) {
    if (!opts.alreadyInstalled) {
      try {
        await platform.runLifecycleInstalled({ product });
      } catch (error) {
        // The app failing its install event is the app's bug to see, not a reason to hide the page.
        log(`The app's installed-event handler failed in ${product}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    installed[product] = { installedAt: new Date().toISOString() };
  }
  if (!options.memory) await writeInstalledMarker(options.dataDir, installed);
}
