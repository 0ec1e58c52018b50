/**
 * The simulated product page: it frames the Custom UI and answers its bridge calls, the part of
 * Jira or Confluence that Forge's bridge talks to. State (acting user, product, theme) lives in the
 * URL query, so a reload or a test can open any combination directly.
 *
 * Bridge calls answered here: `invoke` (POST /__host/api/invoke, which runs the resolver on the
 * simulated platform), `getContext` (GET /__host/api/context) and `enableTheming`. Any other call
 * is refused with a message naming it. Message format: see bridge-shim.ts.
 */
(() => {
  const CHANNEL = 'forge-sim-bridge';
  const SUPPORTED = ['invoke', 'getContext', 'enableTheming'];

  type Product = 'jira' | 'confluence';
  type ActingUser = 'admin' | 'member';
  type ColorMode = 'light' | 'dark';
  interface State {
    product: Product;
    as: ActingUser;
    theme: ColorMode;
  }

  const body = document.body;
  const frameOrigin = body.dataset.frameOrigin ?? '';
  const container = byId('app-container');
  const productSelect = selectById('product');
  const userSelect = selectById('acting-user');
  const themeSelect = selectById('theme');
  const scheduledButton = byId('run-scheduled');
  const scheduledResult = byId('scheduled-result');
  const productName = byId('product-name');

  let frame: HTMLIFrameElement | null = null;

  function byId(id: string): HTMLElement {
    const element = document.getElementById(id);
    if (!element) throw new Error(`The host page has no #${id}`);
    return element;
  }

  function selectById(id: string): HTMLSelectElement {
    const element = byId(id);
    if (!(element instanceof HTMLSelectElement)) throw new Error(`The host page's #${id} is not a <select>`);
    return element;
  }

  function currentState(): State {
    return {
      product: productSelect.value === 'confluence' ? 'confluence' : 'jira',
      as: userSelect.value === 'member' ? 'member' : 'admin',
      theme: themeSelect.value === 'dark' ? 'dark' : 'light'
    };
  }

  function writeUrl(state: State): void {
    const url = new URL(window.location.href);
    url.searchParams.set('product', state.product);
    url.searchParams.set('as', state.as);
    url.searchParams.set('theme', state.theme);
    window.history.replaceState(null, '', url);
  }

  /** A new user or product is a new page load in the real product, so the app starts over. */
  function mountFrame(): void {
    const state = currentState();
    const resourcePath = body.dataset[`resource${state.product === 'jira' ? 'Jira' : 'Confluence'}`] ?? '';
    frame?.remove();
    frame = document.createElement('iframe');
    frame.id = 'forge-app';
    frame.title = body.dataset.appTitle ?? 'Forge app';
    frame.src = `${frameOrigin}${resourcePath}`;
    container.append(frame);
    document.documentElement.dataset.product = state.product;
    productName.textContent = state.product === 'jira' ? 'Jira' : 'Confluence';
  }

  function applyTheme(): void {
    const { theme } = currentState();
    document.documentElement.setAttribute('data-color-mode', theme);
    frame?.contentWindow?.postMessage({ channel: CHANNEL, kind: 'theme', colorMode: theme }, frameOrigin);
  }

  async function postJson(path: string, payload: unknown): Promise<unknown> {
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    return response.json();
  }

  async function answer(name: string, payload: unknown): Promise<unknown> {
    const state = currentState();
    if (name === 'invoke') {
      const call = typeof payload === 'object' && payload !== null ? payload : {};
      const result = await postJson('/__host/api/invoke', { ...call, product: state.product, as: state.as });
      if (typeof result === 'object' && result !== null && 'ok' in result && result.ok === true && 'value' in result) return result.value;
      const message = typeof result === 'object' && result !== null && 'message' in result ? String(result.message) : 'invoke failed';
      throw new Error(message);
    }
    if (name === 'getContext') {
      const query = new URLSearchParams({ product: state.product, as: state.as, theme: state.theme });
      const response = await fetch(`/__host/api/context?${query.toString()}`);
      if (!response.ok) throw new Error(`getContext failed: ${await response.text()}`);
      return response.json();
    }
    if (name === 'enableTheming') return { colorMode: state.theme };
    throw new Error(`The simulated Forge host does not support the bridge call '${name}' (supported: ${SUPPORTED.join(', ')}).`);
  }

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    // Only the app frame we created, served from the app's own origin, may call the bridge.
    const target = frame?.contentWindow;
    if (!target || event.source !== target || event.origin !== frameOrigin) return;
    const data = event.data;
    if (typeof data !== 'object' || data === null) return;
    const message: Record<string, unknown> = { ...data };
    if (message.channel !== CHANNEL || message.kind !== 'call' || typeof message.id !== 'number' || typeof message.name !== 'string') return;
    const { id, name } = message;
    answer(name, message.payload).then(
      (value) => target.postMessage({ channel: CHANNEL, kind: 'reply', id, ok: true, value }, frameOrigin),
      (error: unknown) =>
        target.postMessage({ channel: CHANNEL, kind: 'reply', id, ok: false, message: error instanceof Error ? error.message : String(error) }, frameOrigin)
    );
  });

  async function runScheduledTrigger(): Promise<void> {
    scheduledButton.setAttribute('disabled', '');
    scheduledResult.textContent = 'Running the scheduled trigger…';
    try {
      const result = await postJson('/__host/api/scheduled', { product: currentState().product });
      const ok = typeof result === 'object' && result !== null && 'ok' in result && result.ok === true;
      const detail = typeof result === 'object' && result !== null && 'summary' in result ? String(result.summary) : JSON.stringify(result);
      scheduledResult.textContent = `${ok ? 'Scheduled trigger ran' : 'Scheduled trigger failed'} at ${new Date().toLocaleTimeString()}: ${detail}`;
      scheduledResult.dataset.outcome = ok ? 'ok' : 'failed';
    } catch (error) {
      scheduledResult.textContent = `Scheduled trigger could not be started: ${error instanceof Error ? error.message : String(error)}`;
      scheduledResult.dataset.outcome = 'failed';
    } finally {
      scheduledButton.removeAttribute('disabled');
    }
  }

  productSelect.addEventListener('change', () => {
    writeUrl(currentState());
    mountFrame();
  });
  userSelect.addEventListener('change', () => {
    writeUrl(currentState());
    mountFrame();
  });
  themeSelect.addEventListener('change', () => {
    writeUrl(currentState());
    applyTheme();
  });
  scheduledButton.addEventListener('click', () => void runScheduledTrigger());

  /** The egress switches change server state only: the app notices on its next call, as on a real site. */
  function wireNetworkSwitch(id: string, name: string, field: 'analyticsEgress' | 'collectorReachable', onValue: string): void {
    const element = document.getElementById(id);
    if (!(element instanceof HTMLSelectElement)) return;
    const select = element;
    select.dataset.applied = select.value;
    select.addEventListener('change', async () => {
      const wanted = select.value;
      select.disabled = true;
      try {
        const result = await postJson('/__host/api/network', { [field]: wanted === onValue });
        if (typeof result !== 'object' || result === null || !('ok' in result) || result.ok !== true) {
          throw new Error(typeof result === 'object' && result !== null && 'message' in result ? String(result.message) : 'refused');
        }
        select.dataset.applied = wanted;
      } catch (error) {
        select.value = select.dataset.applied ?? onValue;
        scheduledResult.textContent = `Could not change ${name}: ${error instanceof Error ? error.message : String(error)}`;
        scheduledResult.dataset.outcome = 'failed';
      } finally {
        select.disabled = false;
      }
    });
  }
  wireNetworkSwitch('analytics-egress', 'analytics egress', 'analyticsEgress', 'allowed');
  wireNetworkSwitch('collector-reachable', 'the collector', 'collectorReachable', 'up');

  writeUrl(currentState());
  applyTheme();
  mountFrame();
})();
