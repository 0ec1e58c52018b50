import { JSDOM } from 'jsdom';
import { verifyCollectorAnswer } from '@usage-reporting/core/node';
import { handOverCollector, reportFile, type HandOverCollector } from './hand-over-files';
import { makeInstallation, makeReport } from './support';

/** GET /upload: the page the site admin hands a file over on, its script and style, under CSP default-src 'self'. */
describe('the upload page', () => {
  let c: HandOverCollector;
  beforeEach(() => {
    c = handOverCollector();
  });
  afterEach(async () => {
    await c.close();
  });

  it('is served with CSP default-src self, and holds no inline script, style or handler', async () => {
    const res = await c.app.inject({ method: 'GET', url: '/upload' });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(String(res.headers['content-security-policy']).split(';').map((d) => d.trim())).toContain("default-src 'self'");
    const html = res.body;
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html.match(/<script[^>]*>/gi)).toEqual(['<script src="upload/upload.js" defer>']);
    expect(html).toContain('<link rel="stylesheet" href="upload/upload.css">');
    // The admin can compare the key the receipts are signed with against the one the vendor configured.
    expect(html).toContain(c.context.answerSigner.fingerprint);
  });

  it('serves its script and style sheet as separate files, relative to the page', async () => {
    const script = await c.app.inject({ method: 'GET', url: new URL('upload/upload.js', 'http://collector.test/upload').pathname });
    const style = await c.app.inject({ method: 'GET', url: new URL('upload/upload.css', 'http://collector.test/upload').pathname });
    expect([script.statusCode, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect([style.statusCode, style.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    expect(() => new Function(script.body)).not.toThrow();
  });
});

/**
 * The page in a DOM (jsdom), its script run as a browser runs it, its one fetch answered by the
 * collector itself: what the admin sees after dropping a file.
 */
describe('handing a file over on the page', () => {
  let c: HandOverCollector;
  let dom: JSDOM;
  let posted: Array<{ url: string; contentType: string | undefined; body: string }>;

  beforeEach(async () => {
    c = handOverCollector();
    posted = [];
    const page = await c.app.inject({ method: 'GET', url: '/upload' });
    const script = await c.app.inject({ method: 'GET', url: '/upload/upload.js' });
    dom = new JSDOM(page.body, { url: 'http://collector.test/upload', runScripts: 'outside-only' });
    const { window } = dom;
    const blobText = (blob: Blob) =>
      new Promise<string>((resolve) => {
        const reader = new window.FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(blob);
      });
    Object.assign(window, {
      fetch: async (url: string, init: { method: string; headers: Record<string, string>; body: Blob }) => {
        const body = await blobText(init.body);
        posted.push({ url: new URL(url, window.location.href).href, contentType: init.headers['content-type'], body });
        if (init.method !== 'POST') throw new Error(`the page sent ${init.method}`);
        const res = await c.app.inject({ method: 'POST', url: new URL(url, window.location.href).pathname, headers: init.headers, payload: body });
        return { status: res.statusCode, text: () => Promise.resolve(res.body) };
      }
    });
    window.URL.createObjectURL = () => 'blob:http://collector.test/answer';
    window.eval(script.body);
  });
  afterEach(async () => {
    dom.window.close();
    await c.close();
  });

  const byId = (id: string) => {
    const element = dom.window.document.getElementById(id);
    if (!element) throw new Error(`no #${id} on the page`);
    return element;
  };
  const drop = (text: string, name = 'usage-report.json') => {
    const event = new dom.window.Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: { files: [new dom.window.File([text], name, { type: 'application/json' })] } });
    byId('drop-zone').dispatchEvent(event);
  };
  const settled = async () => {
    for (let i = 0; i < 100 && !byId('result').className.match(/done|error/); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    return { title: byId('result-title').textContent, message: byId('result-message').textContent };
  };

  it('posts the dropped file’s bytes untouched and shows the signed receipt to copy and to download', async () => {
    const who = makeInstallation();
    const file = await reportFile(who, makeReport({ installationId: who.installationId }), c.clock.now());
    drop(file);

    expect(await settled()).toEqual({ title: 'Report received', message: expect.stringContaining("Paste or upload the receipt on the app's Usage reporting page") });
    expect(posted).toEqual([{ url: 'http://collector.test/upload', contentType: 'application/json', body: file }]);
    const text = (byId('answer-text') as HTMLTextAreaElement).value;
    const checked = verifyCollectorAnswer(text, c.collectorKey.publicKey, { installationId: who.installationId });
    expect(checked.ok).toBe(true);
    const link = byId('answer-download') as HTMLAnchorElement;
    expect(link.getAttribute('download')).toBe(`usage-report-receipt-${checked.ok && checked.payload.kind === 'report-receipt' ? checked.payload.receiptId : ''}.json`);
    expect(link.href).toBe('blob:http://collector.test/answer');
    expect((byId('answer') as HTMLElement).hidden).toBe(false);
  });

  it('says plainly what is wrong with a broken file, and offers no receipt', async () => {
    drop('{"format": "usage-reporting/hand-over", ');

    expect(await settled()).toEqual({ title: 'This file cannot be read', message: expect.stringContaining('not JSON') });
    expect((byId('answer') as HTMLElement).hidden).toBe(true);
  });

  it('names a bad signature as such', async () => {
    const who = makeInstallation();
    const file = await reportFile(who, makeReport({ installationId: who.installationId }), c.clock.now());
    drop(file.replace('\\"site.product\\":\\"jira\\"', '\\"site.product\\":\\"confluence\\"'));

    expect(await settled()).toEqual({ title: "The file's signature does not verify", message: expect.stringContaining('changed after the app made it') });
  });
});
