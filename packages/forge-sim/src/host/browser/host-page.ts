/**
 * The simulated product page: it frames the Custom UI and answers its bridge calls, the part of
 * Jira or Confluence that Forge's bridge talks to. State (acting user, product, theme, the user's
 * locale) lives in the URL query, so a reload or a test can open any combination directly.
 *
 * Bridge calls answered here: `invoke` (POST /__host/api/invoke, which runs the resolver on the
 * simulated platform), `getContext` (GET /__host/api/context) and `enableTheming`. Any other call
 * is refused with a message naming it. The frame's content height, which the shim reports, sets the
 * iframe's height, as Forge sizes a Custom UI frame to its content. Message format: see bridge-shim.ts.
 */
(() => {
  const CHANNEL = 'forge-sim-bridge';
  const SUPPORTED = ['invoke', 'getContext', 'enableTheming'];
  // A frame reporting nonsense (an endless loop of growth) cannot make the page unusable.
  const MIN_FRAME_HEIGHT = 48;
  const MAX_FRAME_HEIGHT = 100_000;

  type Product = 'jira' | 'confluence';
  type ActingUser = 'admin' | 'member';
  type ColorMode = 'light' | 'dark';
  interface State {
    product: Product;
    as: ActingUser;
    theme: ColorMode;
    /** The acting user's locale (BCP 47), which view.getContext() and the resolver context report. */
    locale: string;
  }

  const body = document.body;
  const frameOrigin = body.dataset.frameOrigin ?? '';
  const container = byId('app-container');
  const productSelect = selectById('product');
  const userSelect = selectById('acting-user');
  const themeSelect = selectById('theme');
  const localeSelect = selectById('locale');
  const scheduledButton = byId('run-scheduled');
  const reloadAfterTrigger = checkboxById('reload-after-trigger');
  const scheduledResult = byId('scheduled-result');
  const productName = byId('product-name');

  let frame: HTMLIFrameElement | null = null;
  /** The framed document's height, as its bridge last reported it (0 until it has). */
  let contentHeight = 0;

  function byId(id: string): HTMLElement {
    const element = document.getElementById(id);
    if (!element) throw new Error(`The host page has no #${id}`);
    return element;
  }

  function checkboxById(id: string): HTMLInputElement {
    const element = byId(id);
    if (!(element instanceof HTMLInputElement) || element.type !== 'checkbox') throw new Error(`The host page's #${id} is not a checkbox`);
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
      theme: themeSelect.value === 'dark' ? 'dark' : 'light',
      // The server rendered only well-formed tags as options.
      locale: localeSelect.value
    };
  }

  function writeUrl(state: State): void {
    const url = new URL(window.location.href);
    url.searchParams.set('product', state.product);
    url.searchParams.set('as', state.as);
    url.searchParams.set('theme', state.theme);
    url.searchParams.set('locale', state.locale);
    window.history.replaceState(null, '', url);
  }

  /**
   * Whether the app has settled (data-app-state on the container): 'loading' until its frame says it is
   * idle (bridge-shim.ts, scheduleIdle), 'busy' while a bridge call is being answered, 'settled' after.
   */
  function setAppState(state: 'loading' | 'busy' | 'settled'): void {
    container.dataset.appState = state;
  }

  /** A new user or product is a new page load in the real product, so the app starts over. */
  function mountFrame(): void {
    setAppState('loading');
    contentHeight = 0;
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
      const result = await postJson('/__host/api/invoke', { ...call, product: state.product, as: state.as, locale: state.locale });
      if (typeof result === 'object' && result !== null && 'ok' in result && result.ok === true && 'value' in result) return result.value;
      const message = typeof result === 'object' && result !== null && 'message' in result ? String(result.message) : 'invoke failed';
      throw new Error(message);
    }
    if (name === 'getContext') {
      const query = new URLSearchParams({ product: state.product, as: state.as, theme: state.theme, locale: state.locale });
      const response = await fetch(`/__host/api/context?${query.toString()}`);
      if (!response.ok) throw new Error(`getContext failed: ${await response.text()}`);
      return response.json();
    }
    if (name === 'enableTheming') return { colorMode: state.theme };
    throw new Error(`The simulated Forge host does not support the bridge call '${name}' (supported: ${SUPPORTED.join(', ')}).`);
  }

  /**
   * The frame is as tall as its content, as Forge sizes a Custom UI frame: the page scrolls, not the
   * app inside it. It also fills the visible content area, so content growing on a short page (a
   * panel opening) happens inside a frame already that tall: Chromium routes a click in the first
   * moments after a cross-origin frame grows by the frame's old size, and would drop it.
   */
  function resizeFrame(height: unknown): number | undefined {
    if (typeof height === 'number' && Number.isFinite(height)) contentHeight = Math.ceil(height);
    if (!frame || contentHeight === 0) return undefined;
    const style = getComputedStyle(container);
    const visible = container.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    // Setting a style property from script is not an inline style: the page's CSP allows it.
    frame.style.height = `${Math.min(Math.max(contentHeight, visible, MIN_FRAME_HEIGHT), MAX_FRAME_HEIGHT)}px`;
    return frame.clientHeight;
  }
  window.addEventListener('resize', () => resizeFrame(undefined));

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    // Only the app frame we created, served from the app's own origin, may call the bridge.
    const target = frame?.contentWindow;
    if (!target || event.source !== target || event.origin !== frameOrigin) return;
    const data = event.data;
    if (typeof data !== 'object' || data === null) return;
    const message: Record<string, unknown> = { ...data };
    if (message.channel !== CHANNEL) return;
    if (message.kind === 'resize') {
      // The frame's inner height, so the shim knows when it has been drawn at it (bridge-shim.ts, settling).
      const height = resizeFrame(message.height) ?? null;
      target.postMessage({ channel: CHANNEL, kind: 'resized', seq: message.seq, height }, frameOrigin);
      return;
    }
    if (message.kind === 'idle') return setAppState('settled');
    if (message.kind !== 'call' || typeof message.id !== 'number' || typeof message.name !== 'string') return;
    if (container.dataset.appState !== 'loading') setAppState('busy');
    const { id, name } = message;
    answer(name, message.payload).then(
      (value) => target.postMessage({ channel: CHANNEL, kind: 'reply', id, ok: true, value }, frameOrigin),
      (error: unknown) =>
        target.postMessage({ channel: CHANNEL, kind: 'reply', id, ok: false, message: error instanceof Error ? error.message : String(error) }, frameOrigin)
    );
  });

  /**
   * The app's page shows what it loaded; a run in the background does not change it, on Forge as
   * here. Reloading the frame afterwards (the checkbox, on by default) shows what the run left.
   */
  async function runScheduledTrigger(): Promise<void> {
    scheduledButton.setAttribute('disabled', '');
    scheduledResult.textContent = 'Running the scheduled trigger…';
    delete scheduledResult.dataset.outcome;
    try {
      const result = await postJson('/__host/api/scheduled', { product: currentState().product });
      const ok = typeof result === 'object' && result !== null && 'ok' in result && result.ok === true;
      const detail = typeof result === 'object' && result !== null && 'summary' in result ? String(result.summary) : JSON.stringify(result);
      const reload = ok && reloadAfterTrigger.checked;
      const after = reload ? ' The app was reloaded to show it.' : '';
      const sentence = /[.!?]$/.test(detail) ? detail : `${detail}.`;
      scheduledResult.textContent = `${ok ? 'Scheduled trigger ran' : 'Scheduled trigger failed'} at ${new Date().toLocaleTimeString()}: ${sentence}${after}`;
      if (reload) mountFrame();
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
  // A user who changes their language in their profile gets the app anew, in that language.
  localeSelect.addEventListener('change', () => {
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
