import { useDigestCheck, type DigestCheck } from '../hooks/useDigestCheck';
import { CopyButton } from './CopyButton';
import { DownloadButton } from './DownloadButton';

/**
 * The report exactly as it will be (or was) transmitted: the canonical JSON text, byte for byte,
 * with its SHA-256 digest, which this page also recomputes so the two cannot silently disagree.
 */
export function ExactBytesView({ bytes, digest, fileName }: { bytes: string; digest: string; fileName: string }) {
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
      <div className="button-row">
        <CopyButton text={bytes} label="Copy bytes" />
        <DownloadButton text={bytes} fileName={fileName} label="Download bytes" />
      </div>
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
