import { storeEngines, type StoreUnderTest } from './support/engines';

/**
 * Ingest asks the store two things of every signed report, the installation's newest key and whether
 * the nonce was seen, in one read (Store.signerStanding). On each engine that read answers exactly
 * what keyChainHeadOf and nonceSeen answer one by one.
 */
describe.each(storeEngines())('a signed request’s standing, on $name', (engine) => {
  let under: StoreUnderTest;
  beforeEach(async () => {
    under = await engine.openStore();
  });
  afterEach(async () => {
    await under.close();
  });

  const installationId = '0193a1b2-c3d4-8e5f-8a1b-2c3d4e5f6a7b';
  const agreesWithTheSingleReads = async (nonce: string) => {
    const { store } = under;
    expect(await store.signerStanding(installationId, nonce)).toEqual({
      keyChainHead: await store.keyChainHeadOf(installationId),
      nonceSeen: await store.nonceSeen(installationId, nonce)
    });
  };

  it('knows no key and no nonce of an installation it never heard from', async () => {
    expect(await under.store.signerStanding(installationId, 'n-1')).toEqual({ keyChainHead: null, nonceSeen: false });
  });

  it('gives the newest key of the chain and tells a recorded nonce from a fresh one', async () => {
    const { store } = under;
    await store.appendKeyLinks(installationId, { genesisPublicKey: 'key-genesis', expectedKeys: 0, links: [], recordedAt: '2026-12-01T09:00:00.000Z' });
    await store.appendKeyLinks(installationId, {
      genesisPublicKey: 'key-genesis',
      expectedKeys: 1,
      links: [{ previousPublicKey: 'key-genesis', publicKey: 'key-second', rotatedAt: '2026-12-02T09:00:00.000Z', endorsement: 'sig' }],
      recordedAt: '2026-12-02T09:00:00.000Z'
    });
    await store.rememberNonce(installationId, 'n-used', '2026-12-03T09:00:00.000Z');

    expect(await store.signerStanding(installationId, 'n-used')).toEqual({ keyChainHead: 'key-second', nonceSeen: true });
    expect(await store.signerStanding(installationId, 'n-fresh')).toEqual({ keyChainHead: 'key-second', nonceSeen: false });
    await agreesWithTheSingleReads('n-used');
    await agreesWithTheSingleReads('n-fresh');
  });

  it('does not take another installation’s nonce for this one’s', async () => {
    await under.store.rememberNonce('0193a1b2-c3d4-8e5f-8a1b-000000000000', 'n-shared', '2026-12-03T09:00:00.000Z');
    expect((await under.store.signerStanding(installationId, 'n-shared')).nonceSeen).toBe(false);
  });
});
