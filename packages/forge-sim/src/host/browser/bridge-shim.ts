/**
 * Runs inside the Custom UI iframe before the app's own scripts, as Forge's injected bridge does:
 * it defines `window.__bridge.callBridge`, which the unmodified @forge/bridge looks up when its
 * modules load, and forwards each call to the host page over postMessage.
 *
 * Served as a same-origin classic script (Forge's CSP forbids inline scripts). A global script
 * with everything inside one function, so nothing leaks into the app's global scope but `__bridge`.
 *
 * Messages (both directions carry `channel: 'forge-sim-bridge'`):
 *   frame → host  { kind: 'call', id, name, payload }
 *   host → frame  { kind: 'reply', id, ok: true, value } | { kind: 'reply', id, ok: false, message }
 *   host → frame  { kind: 'theme', colorMode: 'light' | 'dark' }   (after every theme switch)
 *   frame → host  { kind: 'resize', height, seq }   (the document's height in CSS pixels, whenever it changes)
 *   host → frame  { kind: 'resized', seq, height }   (in answer: the frame's inner height, null while it has none)
 *   frame → host  { kind: 'idle' }   (loaded, every call answered, and drawn since: see scheduleIdle)
 */
(() => {
  const CHANNEL = 'forge-sim-bridge';
  // How @atlaskit/tokens names the themes on <html> (see getThemeHtmlAttrs): which theme serves each mode.
  const THEME_ATTRIBUTE = 'dark:dark light:light spacing:spacing typography:typography shape:shape';

  type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

  const script = document.currentScript;
  const declaredOrigin = script instanceof HTMLScriptElement ? script.dataset.hostOrigin : undefined;
  if (!declaredOrigin) throw new Error('The simulated Forge bridge was loaded without data-host-origin.');
  const hostOrigin: string = declaredOrigin;
  if (window.parent === window) throw new Error('The Custom UI must be opened inside the simulated product page, not on its own.');

  const pending = new Map<number, Pending>();
  let nextId = 1;
  let themingEnabled = false;

  function applyColorMode(mode: unknown): void {
    if (mode !== 'light' && mode !== 'dark') return;
    const html = document.documentElement;
    html.setAttribute('data-theme', THEME_ATTRIBUTE);
    html.setAttribute('data-color-mode', mode);
  }

  function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null;
  }

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    // Only the product page that framed us may answer; anything else is ignored, as Forge's bridge does.
    if (event.source !== window.parent || event.origin !== hostOrigin) return;
    const data = event.data;
    if (!isRecord(data) || data.channel !== CHANNEL) return;
    if (data.kind === 'theme') {
      if (themingEnabled) applyColorMode(data.colorMode);
      return;
    }
    if (data.kind === 'resized') return onResized(data.seq, data.height);
    if (data.kind !== 'reply' || typeof data.id !== 'number') return;
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if (data.ok === true) call.resolve(data.value);
    else call.reject(new Error(typeof data.message === 'string' ? data.message : 'The bridge call failed.'));
    scheduleIdle();
  });

  function send(name: string, payload: unknown): Promise<unknown> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      try {
        window.parent.postMessage({ channel: CHANNEL, kind: 'call', id, name, payload }, hostOrigin);
      } catch (error) {
        // A payload holding functions or DOM nodes cannot cross postMessage (DataCloneError).
        pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
        scheduleIdle();
      }
    });
  }

  async function callBridge(name: string, payload?: unknown): Promise<unknown> {
    if (name !== 'enableTheming') return send(name, payload);
    const answer = await send(name, payload);
    themingEnabled = true;
    if (isRecord(answer)) applyColorMode(answer.colorMode);
    return undefined;
  }

  Object.defineProperty(window, '__bridge', { value: Object.freeze({ callBridge }), enumerable: false, writable: false });

  /**
   * `<html data-forge-sim-settling>` while the app's frame may not yet be where it is drawn: from any
   * change to its document until two frames are drawn after it, and from a new height until the frame
   * has been drawn at the height the host gave it. A click in those moments can miss: Chromium routes
   * input to a cross-origin frame by what it last drew, and hands a click on a frame that has just
   * grown to the product page instead (the frame's element is its target there, the app never sees
   * it). The Playwright helpers (forge-host.ts) hold every action until the attribute is gone.
   */
  const SETTLING = 'data-forge-sim-settling';
  let settleCheck = 0;
  let awaitedInnerHeight: number | null = null;
  function markSettling(): void {
    if (!document.documentElement.hasAttribute(SETTLING)) document.documentElement.setAttribute(SETTLING, '');
    const check = ++settleCheck;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (check === settleCheck && awaitedInnerHeight === null) document.documentElement.removeAttribute(SETTLING);
      })
    );
  }
  new MutationObserver((records) => {
    if (records.some((record) => record.attributeName !== SETTLING)) markSettling();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.addEventListener('resize', () => {
    if (awaitedInnerHeight !== null && Math.abs(window.innerHeight - awaitedInnerHeight) <= 1) awaitedInnerHeight = null;
    markSettling();
  });

  // Forge's bridge sizes the frame to its content, so the product page scrolls, not the app inside
  // it. The height is <html>'s box, or the body's overflow when the app fixes <html>'s height.
  let reportedHeight = -1;
  let resizeSeq = 0;
  function reportHeight(): void {
    const body = document.body;
    const height = Math.ceil(Math.max(document.documentElement.getBoundingClientRect().height, body ? body.scrollHeight : 0));
    if (height === reportedHeight) return;
    reportedHeight = height;
    // Until the host answers, the frame's new height is unknown: a height it cannot be.
    awaitedInnerHeight = -1;
    markSettling();
    window.parent.postMessage({ channel: CHANNEL, kind: 'resize', height, seq: ++resizeSeq }, hostOrigin);
  }
  /** The host's answer to the latest height: settled once the frame is that tall (now, or at its next resize). */
  function onResized(seq: unknown, innerHeight: unknown): void {
    if (seq !== resizeSeq) return;
    awaitedInnerHeight = typeof innerHeight === 'number' && Math.abs(window.innerHeight - innerHeight) > 1 ? innerHeight : null;
    markSettling();
  }
  const observer = new ResizeObserver(reportHeight);
  observer.observe(document.documentElement);
  // This script runs in <head>, before there is a body to watch.
  document.addEventListener('DOMContentLoaded', () => {
    observer.observe(document.body);
    reportHeight();
  });

  /**
   * Tells the host the app has settled: its document loaded, every bridge call answered, and two frames
   * drawn since the last answer (the app has rendered what it got, and its height is reported). A tool
   * driving the page (the Playwright helpers) waits for it, so it acts on the app as shown, not on a
   * frame still growing to new content, where a click could land on what moves away.
   */
  let idleCheck = 0;
  function scheduleIdle(): void {
    const check = ++idleCheck;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (check !== idleCheck || pending.size > 0 || document.readyState !== 'complete') return;
        reportHeight();
        window.parent.postMessage({ channel: CHANNEL, kind: 'idle' }, hostOrigin);
      })
    );
  }
  window.addEventListener('load', scheduleIdle);
})();
