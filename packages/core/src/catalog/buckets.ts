/**
 * Bucketed counts: a site's scale is reported as a range, never as an exact number, so a count
 * cannot single out one site. The labels are the closed set a bucket field may take.
 */
export const bucketLabels = [
  '0',
  '1-10',
  '11-50',
  '51-100',
  '101-500',
  '501-1000',
  '1001-5000',
  '5001-10000',
  '10001-50000',
  '50001+'
] as const;

export type BucketLabel = (typeof bucketLabels)[number];

const upperBounds: ReadonlyArray<readonly [number, BucketLabel]> = [
  [0, '0'],
  [10, '1-10'],
  [50, '11-50'],
  [100, '51-100'],
  [500, '101-500'],
  [1000, '501-1000'],
  [5000, '1001-5000'],
  [10000, '5001-10000'],
  [50000, '10001-50000']
];

/** The bucket a non-negative count falls in; negative or non-integer input is a programming error. */
export function bucketOf(count: number): BucketLabel {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`bucketOf expects a non-negative integer, got ${count}`);
  for (const [bound, label] of upperBounds) if (count <= bound) return label;
  return '50001+';
}
