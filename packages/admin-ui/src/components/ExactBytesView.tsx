import { useId, useMemo } from 'react';
import { useDigestCheck, type DigestCheck } from '../hooks/useDigestCheck.js';
import { useI18n } from '../i18n/index.js';
import { useFormattedBytes } from '../lib/formatted-bytes-preference.js';
import { indentJson } from '../lib/indent-json.js';
import { CopyButton } from './CopyButton.js';
import { DownloadButton } from './DownloadButton.js';

/**
 * The report exactly as it will be (or was) transmitted: the canonical JSON text, byte for byte,
 * with its SHA-256 digest, which this page also recomputes so the two cannot silently disagree.
 * "Formatted" lays the same text out for reading; the digest, copy and download stay on the bytes.
 */
export function ExactBytesView({
  bytes,
  digest,
  fileName,
  signing
}: {
  bytes: string;
  digest: string;
  fileName: string;
  /** Who signs (or signed) these bytes: the key's fingerprint, and the signature headers once sent. */
  signing?: SigningInfo;
}) {
  const { t, rich } = useI18n();
  const noteId = useId();
  const check = useDigestCheck(bytes, digest);
  const [formattedChosen, setFormatted] = useFormattedBytes();
  const indented = useMemo(() => indentJson(bytes), [bytes]);
  const formatted = formattedChosen && indented !== null;
  return (
    <div className="exact-bytes">
      <p>{t('bytes.intro', { count: new TextEncoder().encode(bytes).length })}</p>
      <div className="bytes-toolbar">
        {indented === null ? (
          <p className="subtle" id={noteId}>
            {t('bytes.notJson')}
          </p>
        ) : (
          <>
            <button type="button" className="toggle" aria-pressed={formatted} aria-describedby={noteId} onClick={() => setFormatted(!formatted)}>
              <span className="toggle-track" aria-hidden="true" />
              {t('bytes.formatted')}
            </button>
            <p className="subtle" id={noteId}>
              {t('bytes.formattedNote')}
            </p>
          </>
        )}
      </div>
      {formatted ? (
        <pre className="bytes bytes-formatted" tabIndex={0} aria-label={t('bytes.formattedLabel')} data-testid="formatted-bytes">
          {indented}
        </pre>
      ) : (
        <pre className="bytes" tabIndex={0} aria-label={t('bytes.label')} data-testid="exact-bytes">
          {bytes}
        </pre>
      )}
      <p className="digest">
        {rich('bytes.digestLine', { digest: <code data-testid="report-digest">{digest}</code> })} <DigestStatus check={check} />
      </p>
      {signing && <SigningDetails signing={signing} />}
      <div className="button-row">
        <CopyButton text={bytes} label={t('bytes.copy')} />
        <DownloadButton text={bytes} fileName={fileName} label={t('bytes.download')} />
      </div>
    </div>
  );
}

export interface SigningInfo {
  keyFingerprint: string;
  /** The signature headers that travelled beside the bytes; absent before sending. */
  sent?: { signatureInput: string; signature: string; contentDigest: string };
}

/** The signature travels in HTTP headers, not in the bytes, so it is shown beside them. */
function SigningDetails({ signing }: { signing: SigningInfo }) {
  const { t, rich } = useI18n();
  return (
    <div className="signing" data-testid="signing">
      <p className="digest">
        {rich('bytes.signingKey', { fingerprint: <code data-testid="signing-key-fingerprint">{signing.keyFingerprint}</code> })}
      </p>
      <p className="subtle">{t(signing.sent ? 'bytes.signed' : 'bytes.signedWhenSent')}</p>
      {signing.sent && (
        // HTTP header names are protocol identifiers: they stay as they are in every language.
        <dl className="signature-headers" data-testid="signature-headers">
          <dt>Signature-Input</dt>
          <dd>
            <code>{signing.sent.signatureInput}</code>
          </dd>
          <dt>Signature</dt>
          <dd>
            <code>{signing.sent.signature}</code>
          </dd>
          <dt>Content-Digest</dt>
          <dd>
            <code>{signing.sent.contentDigest}</code>
          </dd>
        </dl>
      )}
    </div>
  );
}

function DigestStatus({ check }: { check: DigestCheck }) {
  const { t } = useI18n();
  switch (check) {
    case 'checking':
      return <span className="subtle">{t('bytes.digest.checking')}</span>;
    case 'match':
      return <span className="digest-ok">{t('bytes.digest.match')}</span>;
    case 'mismatch':
      return (
        <span className="digest-bad" role="alert">
          {t('bytes.digest.mismatch')}
        </span>
      );
    case 'unavailable':
      return <span className="subtle">{t('bytes.digest.unavailable')}</span>;
  }
}
