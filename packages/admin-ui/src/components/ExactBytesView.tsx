import { useDigestCheck, type DigestCheck } from '../hooks/useDigestCheck.js';
import { CopyButton } from './CopyButton.js';
import { DownloadButton } from './DownloadButton.js';

/**
 * The report exactly as it will be (or was) transmitted: the canonical JSON text, byte for byte,
 * with its SHA-256 digest, which this page also recomputes so the two cannot silently disagree.
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
  const check = useDigestCheck(bytes, digest);
  return (
    <div className="exact-bytes">
      <p>
        These are the exact bytes of the report ({new TextEncoder().encode(bytes).length.toLocaleString('en-US')} bytes of UTF-8 JSON).
      </p>
      <pre className="bytes" tabIndex={0} aria-label="Exact report bytes" data-testid="exact-bytes">
        {bytes}
      </pre>
      <p className="digest">
        SHA-256: <code data-testid="report-digest">{digest}</code> <DigestStatus check={check} />
      </p>
      {signing && <SigningDetails signing={signing} />}
      <div className="button-row">
        <CopyButton text={bytes} label="Copy bytes" />
        <DownloadButton text={bytes} fileName={fileName} label="Download bytes" />
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
  return (
    <div className="signing" data-testid="signing">
      <p className="digest">
        Signing key: <code data-testid="signing-key-fingerprint">{signing.keyFingerprint}</code>
      </p>
      <p className="subtle">
        {signing.sent ? 'Signed' : 'Signed when sent'} by this site's key; nobody else can send or ask for data in this site's name.
      </p>
      {signing.sent && (
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
  switch (check) {
    case 'checking':
      return <span className="subtle">(checking…)</span>;
    case 'match':
      return <span className="digest-ok">(checked in your browser: matches these bytes)</span>;
    case 'mismatch':
      return (
        <span className="digest-bad" role="alert">
          Warning: these bytes do not match the digest. Do not send this report; reload the page.
        </span>
      );
    case 'unavailable':
      return <span className="subtle">(your browser cannot check the digest here)</span>;
  }
}
