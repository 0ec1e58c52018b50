import { invoke } from '@forge/bridge';
import type { Transport } from './client';

/** The production transport: a Forge resolver call over the Custom UI bridge. */
export const bridgeTransport: Transport = (functionKey, payload) =>
  invoke(functionKey, isPayload(payload) ? payload : undefined);

function isPayload(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
