type Bridge = typeof import('@forge/bridge');

/**
 * What the page uses of @forge/bridge, and all it may use: the apps' Vite builds bundle only these
 * (vite/forge-bridge.ts). A new use is added here and there together.
 */
export interface ForgeBridge {
  invoke: Bridge['invoke'];
  view: Pick<Bridge['view'], 'theme' | 'getContext'>;
}

/**
 * @forge/bridge, loaded on first use (the runtime loads a module once, however often it is asked).
 * The module throws as it is imported anywhere but inside a Forge Custom UI frame: it looks for the
 * host's bridge at load time. Imported eagerly, it would make this package unimportable in a vendor's
 * unit tests, in server-side rendering, and in any bundle that reaches the backend some other way.
 */
export const loadBridge = (): Promise<ForgeBridge> => import('@forge/bridge');
