/**
 * SHA-256 of a text's UTF-8 bytes, in lowercase hex, computed in the browser. The page uses it to
 * check the digest the backend reports against the bytes it shows, so a mismatch cannot go unseen.
 */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
