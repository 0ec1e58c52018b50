import { createWorld, type World } from './engine-support';

/**
 * On Forge every KVS and product call is a network round trip, so the first screen's wait is the
 * longest chain of calls that each start only after an earlier one answered. The simulated platform
 * answers at once; this records that chain instead of timing it.
 */
type ForgeFetch = (descriptor: { type: string }, path: string, init?: unknown) => Promise<unknown>;
const slots = globalThis as unknown as { __forge_fetch__: ForgeFetch };

interface Chains {
  /** The longest chain of platform calls made one after another. */
  longest(): number;
  calls(): number;
  restore(): void;
}

function recordChains(): Chains {
  const inner = slots.__forge_fetch__;
  let answeredDepth = 0;
  let longest = 0;
  let calls = 0;
  slots.__forge_fetch__ = async (descriptor, path, init) => {
    // A call started before any earlier one answered shares that earlier call's place in the chain.
    const depth = answeredDepth + 1;
    calls++;
    longest = Math.max(longest, depth);
    // A moment's wait, as a real round trip has: calls started together are all in flight together.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      return await inner(descriptor, path, init);
    } finally {
      answeredDepth = Math.max(answeredDepth, depth);
    }
  };
  return { longest: () => longest, calls: () => calls, restore: () => void (slots.__forge_fetch__ = inner) };
}

let w: World;
let chains: Chains | undefined;
beforeEach(async () => {
  w = await createWorld();
  // The installation and its key exist before the page is first opened (the lifecycle trigger).
  await w.must('loadAdminPage');
});
afterEach(async () => {
  chains?.restore();
  chains = undefined;
  await w.close();
});

test('the first screen waits on at most 8 platform calls one after another, whatever it reads', async () => {
  chains = recordChains();
  const page = await w.must('loadAdminPage');
  expect(page.preview.text.length).toBeGreaterThan(0);
  // 25 calls: the admin check, then the page's reads together, the identity's, the meters', the
  // site's counts together, and the draft's write. Made one after another they were a chain of 17.
  expect(chains.calls()).toBeGreaterThanOrEqual(20);
  expect(chains.longest()).toBeLessThanOrEqual(8);
});
