import { routePatterns } from '@usage-reporting/core/collector-api';

/**
 * The upload page's HTML. No inline script or style (the page is served with CSP default-src 'self'):
 * behaviour and looks come from upload-script.ts and upload-style.ts, served beside it. URLs are
 * relative to the page, so the page works behind a proxy that mounts the collector under a path.
 */
const relative = (path: string): string => path.replace(/^\//, '');

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderUploadPage(args: { collectorKeyFingerprint: string; handOverDays: number }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hand over a usage-reporting file</title>
<link rel="stylesheet" href="${relative(routePatterns.uploadStyle)}">
<script src="${relative(routePatterns.uploadScript)}" defer></script>
</head>
<body>
<main>
<h1>Hand over a usage-reporting file</h1>
<p>Your Forge app's <strong>Usage reporting</strong> page downloads a file for each report or data request you choose to hand over yourself. Upload it here: the collector checks the app's signature, acts on the file exactly as if the app had sent it, and gives you back a receipt signed with its own key. Paste or upload that receipt on the app's Usage reporting page, where the app checks the signature.</p>
<p class="note">Files are taken for ${args.handOverDays} days after the app made them. Receipts from this collector are signed by key <code>${escapeHtml(args.collectorKeyFingerprint)}</code>.</p>
<noscript><p class="error">This page needs JavaScript to send the file. Without it, send the file to the vendor, who can hand it over with the collector's command line.</p></noscript>
<div id="drop-zone" class="drop-zone" data-endpoint="${relative(routePatterns.upload)}">
<p>Drop the file here, or</p>
<label class="button" for="file">Choose a file</label>
<input id="file" type="file" accept=".json,application/json">
</div>
<section id="result" class="result" aria-live="polite" hidden>
<h2 id="result-title"></h2>
<p id="result-message"></p>
<ul id="result-issues"></ul>
<div id="answer" hidden>
<p><a id="answer-download" class="button" href="#" download>Download the receipt</a> <button id="answer-copy" class="button" type="button">Copy the receipt</button> <span id="answer-copied" hidden>Copied.</span></p>
<label for="answer-text">The signed answer, to paste into the app:</label>
<textarea id="answer-text" readonly rows="14" spellcheck="false"></textarea>
</div>
</section>
</main>
</body>
</html>
`;
}
