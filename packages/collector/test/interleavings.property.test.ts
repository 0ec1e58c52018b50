import fc from 'fast-check';
import type { CollectorHttpRequest } from '@usage-reporting/core/node';
import { installationExportSchema } from '@usage-reporting/core/collector-api';
import { bytesOf, collectorOn, makeInstallation, makeReport, resend, rights, rotated, sendReport, type EngineCollector, type Installation } from './support';
import { storeEngines, type Engine } from './support/engines';

/**
 * Over any interleaving of one installation's genuine traffic (reports, exports, restrictions, key
 * rotations) with an outsider's (forged reports, replays of captured requests, rights requests with
 * the wrong key, bogus chains): the installation's export holds exactly the reports it sent, byte for
 * byte, and no forged request changes anything in the store.
 */
const genuine = ['report', 'export', 'restrict', 'rotate'] as const;
const forged = ['forged-report', 'replay', 'wrong-key-delete', 'foreign-chain', 'forked-chain'] as const;
type Step = (typeof genuine)[number] | (typeof forged)[number];

async function snapshot(c: EngineCollector): Promise<string> {
  const tables = ['reports', 'key_chain', 'nonces', 'restrictions', 'deletions', 'dirty_days'];
  return JSON.stringify(await Promise.all(tables.map((t) => c.tables.rows(t))));
}

async function run(engine: Engine, steps: Step[]): Promise<void> {
  const c = await collectorOn(engine, { ingestRateLimit: { capacity: 1000, perHour: 1000 }, rightsRateLimit: { capacity: 1000, perHour: 1000 } });
  try {
    let owner: Installation = makeInstallation();
    const history: Installation[] = [owner];
    const outsider = makeInstallation();
    const sent: string[] = [];
    const captured: CollectorHttpRequest[] = [];
    const exportBytes = async () => {
      const { res, req } = await rights(c, owner, { kind: 'export' });
      expect(res.statusCode).toBe(200);
      captured.push(req);
      return installationExportSchema.parse(res.json()).reports.map((r) => r.bytes);
    };

    for (const step of steps) {
      c.clock.advanceMs(1000);
      if ((forged as readonly string[]).includes(step)) {
        const before = await snapshot(c);
        let status: number;
        switch (step) {
          case 'forged-report':
            status = (await sendReport(c, makeReport({ installationId: owner.installationId }), { ...outsider, installationId: owner.installationId })).status;
            break;
          case 'replay': {
            const req = captured[captured.length - 1];
            status = req ? (await resend(c, req)).statusCode : 401;
            break;
          }
          case 'wrong-key-delete':
            status = (await rights(c, { ...outsider, installationId: owner.installationId }, { kind: 'delete' })).res.statusCode;
            break;
          case 'foreign-chain':
            status = (await rights(c, { ...outsider, installationId: owner.installationId }, { kind: 'present-key-chain', chain: outsider.chain })).res.statusCode;
            break;
          case 'forked-chain': {
            // After a rotation: the genesis key endorsing a different successor, a fork the held chain
            // refuses (409). Before one: a link the outsider endorsed in the genesis key's name (401).
            const fork = rotated(history.length > 1 ? (history[0] as Installation) : { ...outsider, installationId: owner.installationId }, c.clock.now());
            const chain = history.length > 1 ? fork.chain : { genesisPublicKey: owner.chain.genesisPublicKey, links: fork.chain.links.map((l) => ({ ...l, previousPublicKey: owner.chain.genesisPublicKey })) };
            status = (await rights(c, fork, { kind: 'present-key-chain', chain })).res.statusCode;
            break;
          }
          default:
            throw new Error(`unknown step ${step}`);
        }
        expect([401, 403, 409]).toContain(status);
        expect(await snapshot(c)).toBe(before);
        continue;
      }
      switch (step) {
        case 'report': {
          const report = makeReport({ installationId: owner.installationId });
          const { status, req } = await sendReport(c, report, owner);
          expect(status).toBe(201);
          sent.push(bytesOf(report));
          captured.push(req);
          break;
        }
        case 'export':
          expect((await exportBytes()).sort()).toEqual([...sent].sort());
          break;
        case 'restrict': {
          const { res, req } = await rights(c, owner, { kind: 'restrict', restrictedPurposes: ['troubleshooting'] });
          expect(res.statusCode).toBe(200);
          captured.push(req);
          break;
        }
        case 'rotate': {
          const next = rotated(owner, c.clock.now());
          const { res, req } = await rights(c, next, { kind: 'present-key-chain', chain: next.chain });
          expect(res.statusCode).toBe(200);
          captured.push(req);
          owner = next;
          history.push(next);
          break;
        }
      }
    }
    expect((await exportBytes()).sort()).toEqual([...sent].sort());
  } finally {
    await c.close();
  }
}

describe.each(storeEngines())('genuine and forged traffic interleaved, on $name', (engine) => {
  it("the installation's export is exactly what it sent, and forged traffic changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Step>(...genuine, ...forged), { minLength: 1, maxLength: 24 }), (steps) => run(engine, steps)),
      { numRuns: process.env.CI ? 200 : 30 }
    );
  }, 120_000);
});
