/**
 * @forge/bridge, loaded on first use (the runtime loads a module once, however often it is asked).
 * The module throws as it is imported anywhere but inside a Forge Custom UI frame: it looks for the
 * host's bridge at load time. Imported eagerly, it would make this package unimportable in a vendor's
 * unit tests, in server-side rendering, and in any bundle that reaches the backend some other way.
 */
export const loadBridge = (): Promise<typeof import('@forge/bridge')> => import('@forge/bridge');
