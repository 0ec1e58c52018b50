import path from 'node:path';
import { bundleDirOf, loadHandler } from '@usage-reporting/forge-sim';

// jest's globalSetup (test/setup/build-forge-bundle.ts) has built .forge-build/ before this runs.
const REFERENCE_APP = path.resolve(__dirname, '../../apps/reference');
const resolverTarget = { functionKey: 'resolver', moduleFile: 'src/index', exportName: 'resolver' };

describe('loading the app for the platform', () => {
  test('the bundle answers handler `index.resolver` from .forge-build/index.cjs, compiled by webpack', () => {
    expect(bundleDirOf(REFERENCE_APP)).toBe(path.join(REFERENCE_APP, '.forge-build'));
    const bundled = loadHandler(REFERENCE_APP, resolverTarget, 'bundle');
    expect(typeof bundled).toBe('function');
    // The module object the bundle exports is webpack's, not the one jest's transform makes of src/index.ts.
    const fromBundle: unknown = jest.requireActual(path.join(bundleDirOf(REFERENCE_APP), 'index.cjs'));
    const fromSource: unknown = jest.requireActual(path.join(REFERENCE_APP, 'src/index.ts'));
    expect(Object.keys(fromBundle as object).sort()).toEqual(['lifecycle', 'resolver', 'scheduled']);
    expect(Reflect.get(fromBundle as object, 'resolver')).not.toBe(Reflect.get(fromSource as object, 'resolver'));
  });

  test('a handler module missing from the bundle names the file and the command that builds it', () => {
    const target = { functionKey: 'other', moduleFile: 'src/other', exportName: 'run' };
    expect(() => loadHandler(REFERENCE_APP, target, 'bundle')).toThrow(
      `No Forge bundle at ${path.join(bundleDirOf(REFERENCE_APP), 'other.cjs')} for manifest function 'other': run \`npm run build:forge\`.`
    );
  });

  test('an export the bundle lacks is named with the bundle file, not src/', () => {
    const target = { ...resolverTarget, exportName: 'missing' };
    expect(() => loadHandler(REFERENCE_APP, target, 'bundle')).toThrow("index.cjs has no function export 'missing' (manifest function 'resolver')");
    expect(() => loadHandler(REFERENCE_APP, target)).toThrow("src/index has no function export 'missing' (manifest function 'resolver')");
  });
});
