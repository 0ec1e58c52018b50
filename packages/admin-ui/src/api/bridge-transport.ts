import type { Transport } from './client.js';
import { loadBridge } from '../bridge/load-bridge.js';

/** The production transport: a Forge resolver call over the Custom UI bridge. */
export const bridgeTransport: Transport = async (functionKey, payload) => {
  const { invoke } = await loadBridge();
  return invoke(functionKey, isPayload(payload) ? payload : undefined);
};

function isPayload(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
