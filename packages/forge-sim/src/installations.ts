import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Product } from '@usage-reporting/core/api';
import { installContextFor } from './invoke/events.js';
import type { InstallationIdentity } from './invoke/runtime.js';
import { createFileKvsStore, createKvsService, createMemoryKvsStore } from './kvs/index.js';
import { KVS_FILE_NAME } from './kvs/stores/file.js';
import type { KvsService } from './runtime/ports.js';

/**
 * The app's installations on the simulated site. An app installed in Jira and in Confluence of one
 * site is two installations on Forge: each has its own installation id and context, its own KVS and
 * its own installed event, so nothing one stores is visible to the other. They share the site (its
 * cloud id and users) and the app's development environment.
 */
export interface SimInstallation {
  readonly product: Product;
  readonly identity: InstallationIdentity;
  /**
   * This installation's KVS service, addressed directly: for seeding or inspecting it from outside
   * any invocation. Calls here bypass the platform's counters and faults.
   */
  readonly kvs: KvsService;
}

export const SIM_PRODUCTS: readonly Product[] = ['jira', 'confluence'];

const INSTALLATION_IDS: Record<Product, string> = {
  // The id the one installation had before there were two, which the Jira one carries on.
  jira: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  confluence: '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a'
};

export interface InstallationsOptions {
  cloudId: string;
  appVersion: string;
  environmentId: string;
  /** Memory, or one folder per installation under `dir` (`dir/jira/kvs.json`, `dir/confluence/kvs.json`). */
  kvs: { kind: 'memory' } | { kind: 'file'; dir: string };
  now: () => number;
}

export function createInstallations(options: InstallationsOptions): Record<Product, SimInstallation> {
  if (options.kvs.kind === 'file') adoptSingleInstallationFile(options.kvs.dir);
  const make = (product: Product): SimInstallation => {
    const store = options.kvs.kind === 'file' ? createFileKvsStore(path.join(options.kvs.dir, product)) : createMemoryKvsStore();
    return {
      product,
      identity: {
        appVersion: options.appVersion,
        environmentId: options.environmentId,
        installationId: INSTALLATION_IDS[product],
        cloudId: options.cloudId,
        installContext: installContextFor(product, options.cloudId)
      },
      kvs: createKvsService({ store, now: options.now })
    };
  };
  return { jira: make('jira'), confluence: make('confluence') };
}

/**
 * A KVS folder from before installations were per product holds one kvs.json for the one
 * installation, which the runner installed in Jira (its default product): it becomes Jira's.
 */
function adoptSingleInstallationFile(dir: string): void {
  const single = path.join(dir, KVS_FILE_NAME);
  const jira = path.join(dir, 'jira', KVS_FILE_NAME);
  if (!existsSync(single) || existsSync(jira)) return;
  mkdirSync(path.dirname(jira), { recursive: true });
  renameSync(single, jira);
}
