import { failures, ok, type KvsResult } from './errors.js';
import type { Conditions, Filter } from './schemas.js';
import type { JsonValue } from './store.js';

type Scalar = string | number | boolean;

const VALUE_COUNT: Record<Filter['condition'], number> = {
  BEGINS_WITH: 1, BETWEEN: 2, CONTAINS: 1, NOT_CONTAINS: 1, EQUAL_TO: 1, NOT_EQUAL_TO: 1,
  EXISTS: 1, NOT_EXISTS: 1, GREATER_THAN: 1, GREATER_THAN_EQUAL_TO: 1, LESS_THAN: 1, LESS_THAN_EQUAL_TO: 1
};

/** Rejects malformed conditions before anything is evaluated, as the service validates first. */
export function checkConditions(conditions: Conditions): KvsResult<Conditions> {
  const filters = [...(conditions.and ?? []), ...(conditions.or ?? [])];
  if (filters.length === 0) return failures.badRequest('conditions must contain at least one filter');
  for (const filter of filters) {
    if (filter.values.length !== VALUE_COUNT[filter.condition]) return failures.invalidFilterValues();
  }
  return ok(conditions);
}

/** Whether the stored entity (undefined when absent or expired) satisfies the conditions. */
export function conditionsHold(conditions: Conditions, entity: JsonValue | undefined): boolean {
  const test = (filter: Filter) => filterHolds(filter, attributeOf(entity, filter.property));
  const allOf = conditions.and ?? [];
  const anyOf = conditions.or ?? [];
  return allOf.every(test) && (anyOf.length === 0 || anyOf.some(test));
}

function attributeOf(entity: JsonValue | undefined, property: string): JsonValue | undefined {
  if (entity === undefined || entity === null || typeof entity !== 'object' || Array.isArray(entity)) return undefined;
  return Object.hasOwn(entity, property) ? entity[property] : undefined;
}

function filterHolds(filter: Filter, actual: JsonValue | undefined): boolean {
  const [first, second] = filter.values;
  switch (filter.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== undefined && actual !== first;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return actual !== undefined && !contains(actual, first);
    case 'GREATER_THAN':
      return compare(actual, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return compare(actual, first) >= 0;
    case 'LESS_THAN':
      return compare(actual, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return compare(actual, first) <= 0;
    case 'BETWEEN':
      return compare(actual, first) >= 0 && compare(actual, second) <= 0;
  }
}

function contains(actual: JsonValue | undefined, needle: Scalar | undefined): boolean {
  if (typeof actual === 'string') return actual.includes(String(needle));
  return Array.isArray(actual) && actual.includes(needle ?? null);
}

/** Ordering only between values of one type; anything else never satisfies a comparison (NaN). */
function compare(actual: JsonValue | undefined, expected: Scalar | undefined): number {
  if (typeof actual === 'number' && typeof expected === 'number') return actual - expected;
  if (typeof actual === 'string' && typeof expected === 'string') return actual < expected ? -1 : actual > expected ? 1 : 0;
  return Number.NaN;
}
