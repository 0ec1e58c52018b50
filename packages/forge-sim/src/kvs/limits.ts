/**
 * Forge KVS limits as documented (developer.atlassian.com/platform/forge/limits-kvs-ce,
 * storage-reference/handling-errors-kvs, storage-reference/transactions, storage-reference/entities-batch,
 * js-api-reference/storage-api-query).
 */
export const kvsLimits = {
  /** "Key length 500: maximum length of a key". */
  maxKeyLength: 500,
  /** "Keys must match the regex /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/". */
  keyPattern: /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/,
  /** "Value size 240 KiB: maximum size of a single persisted value". */
  maxValueBytes: 240 * 1024,
  /** "Object depth 31: maximum object depth permitted" (the error table names 32 as the limit hit). */
  maxObjectDepth: 31,
  /** "The query API returns up to 10 values by default, this can be increased to a maximum of 100." */
  maxQueryLimit: 100,
  defaultQueryLimit: 10,
  /** "Each batch operation can contain a maximum of 25 keys." */
  maxBatchItems: 25,
  /** "Each transaction can contain a maximum of 25 operations." */
  maxTransactionOperations: 25,
  /** Custom entity names: "more than 3 characters", "maximum 60 characters", and a pattern. */
  minEntityNameLength: 3,
  maxEntityNameLength: 60,
  entityNamePattern: /^(?![.-])(?!.*\.{2})[a-z0-9:\-.]*(?<![.])$/
} as const;

/** Nesting depth of a JSON value: a scalar is 0, `{}` or `[]` is 1, `{a: []}` is 2. */
export function jsonDepth(value: unknown): number {
  // Iterative so that a hostile, very deep value cannot overflow the stack before being rejected.
  let deepest = 0;
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (node === null || typeof node !== 'object') {
      deepest = Math.max(deepest, depth);
      continue;
    }
    const children = Array.isArray(node) ? node : Object.values(node);
    deepest = Math.max(deepest, depth + 1);
    for (const child of children) stack.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

/** The size the service measures: the value serialized as JSON, in UTF-8 bytes. */
export function jsonSizeBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
