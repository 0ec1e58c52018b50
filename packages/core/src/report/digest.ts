import { createHash } from 'node:crypto';

/**
 * Lowercase hex SHA-256 of exactly the UTF-8 bytes of `text`. Kept apart from the rest of
 * the package root, which the browser imports: it must never import node:crypto.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
