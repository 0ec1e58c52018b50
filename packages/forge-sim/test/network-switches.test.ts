import { createNetworkSwitches, type NetworkPort } from '../src/host/network';

/** An egress port that records what the switches asked of it, for a manifest that does or does not declare analytics egress. */
function recordingEgress(declaresAnalyticsEgress: boolean) {
  const calls: string[] = [];
  const egress: NetworkPort['egress'] = {
    setAnalyticsEgressAllowed: (allowed) => void calls.push(`analytics ${allowed ? 'allowed' : 'blocked'}`),
    declaresAnalyticsEgress,
    retarget: (origin, base) => void calls.push(`${origin} -> ${base ?? 'nowhere'}`)
  };
  return { egress, calls };
}

const collector = { origin: 'https://collector.example.com', url: 'http://127.0.0.1:4100' };

describe("the product page's network switches", () => {
  test('turn the site admin’s analytics setting for an app that declares analytics egress', () => {
    const { egress, calls } = recordingEgress(true);
    const switches = createNetworkSwitches({ egress, collector });
    expect(switches.change({ analyticsEgress: false })).toEqual({ status: 200, body: { ok: true, state: { analyticsEgress: false, collectorReachable: true } } });
    expect(calls).toEqual(['analytics blocked']);
  });

  test('refuse the analytics setting for an app that declares none, and change nothing', () => {
    const { egress, calls } = recordingEgress(false);
    const switches = createNetworkSwitches({ egress, collector });
    const answer = switches.change({ analyticsEgress: false });
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({ ok: false, message: "This app declares no `category: analytics` egress, so the site admin's analytics switch has nothing to act on." });
    expect(calls).toEqual([]);
    expect(switches.state()).toEqual({ analyticsEgress: true, collectorReachable: true });
  });

  test('take the collector down and bring it back by retargeting its host', () => {
    const { egress, calls } = recordingEgress(false);
    const switches = createNetworkSwitches({ egress, collector });
    switches.change({ collectorReachable: false });
    switches.change({ collectorReachable: true });
    expect(calls).toEqual(['https://collector.example.com -> nowhere', 'https://collector.example.com -> http://127.0.0.1:4100']);
  });

  test('refuse a change as a whole: a collector switch beside a refused analytics one does not move either', () => {
    const { egress, calls } = recordingEgress(false);
    const switches = createNetworkSwitches({ egress, collector });
    expect(switches.change({ collectorReachable: false, analyticsEgress: false }).status).toBe(409);
    expect(calls).toEqual([]);
    expect(switches.state()).toEqual({ analyticsEgress: true, collectorReachable: true });
  });

  test('refuse a collector switch when no collector runs alongside', () => {
    const { egress } = recordingEgress(false);
    expect(createNetworkSwitches({ egress }).change({ collectorReachable: false }).status).toBe(409);
  });

  test('refuse a malformed change', () => {
    const { egress } = recordingEgress(true);
    expect(createNetworkSwitches({ egress }).change({ analyticsEgress: 'off' }).status).toBe(400);
  });
});
