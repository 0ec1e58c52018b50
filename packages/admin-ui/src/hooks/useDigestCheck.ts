import { useEffect, useState } from 'react';
import { sha256Hex } from '../lib/sha256-hex.js';

export type DigestCheck = 'checking' | 'match' | 'mismatch' | 'unavailable';

/** Recomputes the digest of the shown bytes in the browser and compares it with the one the backend gave. */
export function useDigestCheck(bytes: string, digest: string): DigestCheck {
  const [check, setCheck] = useState<DigestCheck>('checking');
  useEffect(() => {
    let live = true;
    setCheck('checking');
    if (!globalThis.crypto?.subtle) {
      setCheck('unavailable');
      return;
    }
    sha256Hex(bytes).then(
      (computed) => live && setCheck(computed === digest ? 'match' : 'mismatch'),
      () => live && setCheck('unavailable')
    );
    return () => {
      live = false;
    };
  }, [bytes, digest]);
  return check;
}
