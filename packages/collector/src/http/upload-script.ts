import { maxHandOverFileBytes } from '@usage-reporting/core/collector-api';

/**
 * The upload page's script (upload-page.ts), served as its own file so the page needs no inline
 * script. Plain ES2017 for any browser the admin has: it sends the file's bytes untouched (the
 * Blob itself, never text read and re-encoded), and shows the answer with textContent only, so
 * nothing the collector or the file says is ever parsed as HTML.
 */
export const uploadScript = `'use strict';
(function () {
  var maxBytes = ${maxHandOverFileBytes};
  var byId = function (id) { return document.getElementById(id); };
  var zone = byId('drop-zone');
  var input = byId('file');
  var result = byId('result');
  var title = byId('result-title');
  var message = byId('result-message');
  var issues = byId('result-issues');
  var answer = byId('answer');
  var answerText = byId('answer-text');
  var download = byId('answer-download');
  var copy = byId('answer-copy');
  var copied = byId('answer-copied');
  var endpoint = zone.getAttribute('data-endpoint');
  var objectUrl = null;

  var requestNames = { report: 'Report', correction: 'Correction', retract: 'Retraction request', 'export': 'Export request', 'delete': 'Deletion request', restrict: 'Restriction request' };
  var refusalTitles = {
    HAND_OVER_UNREADABLE: 'This file cannot be read',
    HAND_OVER_WRONG_KIND: 'This is not a file to upload here',
    UNAUTHENTICATED: "The file's signature does not verify",
    SIGNATURE_EXPIRED: 'The file is too old',
    SIGNATURE_REPLAYED: 'This file was handed over before',
    PAYLOAD_TOO_LARGE: 'The file is too large',
    PRIVACY_VIOLATION: "The collector refused the report's content",
    RATE_LIMITED: 'Too many uploads for now'
  };

  function show(state, heading, text) {
    result.hidden = false;
    result.className = 'result ' + state;
    title.textContent = heading;
    message.textContent = text;
    while (issues.firstChild) issues.removeChild(issues.firstChild);
    answer.hidden = true;
    copied.hidden = true;
  }

  function succeeded(body) {
    var name = requestNames[body.kind] || 'Request';
    if (body.outcome === 'already-held') show('done', name + ' already received', 'The collector had this already; here is the receipt it gave then.');
    else show('done', name + ' received', 'The collector accepted the file. Paste or upload the receipt on the app\\'s Usage reporting page.');
    answerText.value = body.answerText;
    if (objectUrl && URL.revokeObjectURL) URL.revokeObjectURL(objectUrl);
    objectUrl = URL.createObjectURL(new Blob([body.answerText], { type: 'application/json' }));
    download.href = objectUrl;
    download.setAttribute('download', body.fileName);
    answer.hidden = false;
  }

  function refused(status, body) {
    var error = body && body.error;
    var code = error && error.code;
    show('error', refusalTitles[code] || 'The collector refused the file', (error && error.message) || 'The collector answered ' + status + '.');
    var list = (error && error.issues) || [];
    for (var i = 0; i < list.length; i++) {
      var item = document.createElement('li');
      item.textContent = list[i].path + ': ' + list[i].message;
      issues.appendChild(item);
    }
  }

  function send(file) {
    if (!file) return;
    if (file.size > maxBytes) {
      show('error', 'The file is too large', 'A file the app downloads is far smaller; choose the file from the app\\'s Usage reporting page.');
      return;
    }
    show('busy', 'Checking the file…', '');
    fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: file, credentials: 'same-origin' })
      .then(function (res) {
        return res.text().then(function (text) {
          var body = null;
          try { body = JSON.parse(text); } catch (e) { body = null; }
          if (res.status >= 200 && res.status < 300 && body && typeof body.answerText === 'string') succeeded(body);
          else refused(res.status, body);
        });
      }, function () {
        show('error', 'The collector could not be reached', 'Check the connection and try again.');
      });
  }

  input.addEventListener('change', function () {
    send(input.files && input.files[0]);
    input.value = '';
  });
  zone.addEventListener('dragover', function (event) {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', function () {
    zone.classList.remove('over');
  });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    zone.classList.remove('over');
    send(event.dataTransfer && event.dataTransfer.files && event.dataTransfer.files[0]);
  });
  copy.addEventListener('click', function () {
    var done = function () { copied.hidden = false; };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(answerText.value).then(done, function () { answerText.select(); });
    else { answerText.select(); document.execCommand('copy'); done(); }
  });
})();
`;
