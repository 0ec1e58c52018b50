import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { envelopeSchema } from '@usage-reporting/core/api';
import { contextOutput } from '@usage-reporting/core/api';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { resolverFunctionKey } from '@usage-reporting/core/api';

const envelope = envelopeSchema(contextOutput);

let platform: SimPlatform;
afterEach(() => platform.close());

describe('getContext through the Forge resolver envelope', () => {
  test.each([
    ['jira', 'admin', true, 'GET /rest/api/3/mypermissions'],
    ['jira', 'member', false, 'GET /rest/api/3/mypermissions'],
    ['confluence', 'admin', true, 'GET /wiki/rest/api/user/current'],
    ['confluence', 'member', false, 'GET /wiki/rest/api/user/current']
  ] as const)('%s %s → isAdmin %s, asked of the product as that user', async (product, who, isAdmin, call) => {
    platform = createReferencePlatform({ product, appVersion: '1.4.2' });
    const result = envelope.parse(await platform.invokeResolver(resolverFunctionKey('getContext'), {}, { accountId: platform.users[who] }));
    expect(result).toEqual({ ok: true, data: { product, isAdmin, appVersion: '1.4.2' } });
    expect(platform.counters.snapshot().product).toEqual({ [call]: 1 });
  });

  test('an admin demoted on the site is no longer an admin on the next call', async () => {
    platform = createReferencePlatform();
    platform.users.set(platform.users.admin, { admin: false });
    const result = envelope.parse(await platform.invokeResolver(resolverFunctionKey('getContext'), {}, { accountId: platform.users.admin }));
    expect(result).toMatchObject({ ok: true, data: { isAdmin: false } });
  });

  test('a payload with extra fields is INVALID_INPUT, naming the field, for admins too', async () => {
    platform = createReferencePlatform();
    const result = envelope.parse(await platform.invokeResolver(resolverFunctionKey('getContext'), { surprise: 'x'.repeat(10_000) }, { accountId: platform.users.admin }));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (result.ok) return;
    expect(result.error.message).toContain('surprise');
    expect(result.error.message).not.toContain('xxxx');
    expect(result.error.message.length).toBeLessThanOrEqual(400);
  });

  test('when the product refuses the permission check (scope not declared), the caller gets INTERNAL, not a guess', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'manifest-'));
    const manifestPath = path.join(dir, 'manifest.yml');
    writeFileSync(manifestPath, readFileSync(path.resolve(__dirname, '../../../apps/reference/manifest.yml'), 'utf8').replace('    - read:jira-work\n', ''));
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      platform = createReferencePlatform({ product: 'jira', manifestPath });
      const result = envelope.parse(await platform.invokeResolver(resolverFunctionKey('getContext'), {}, { accountId: platform.users.admin }));
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(spy).toHaveBeenCalledWith(expect.stringContaining('Jira answered 403'));
    } finally {
      spy.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
