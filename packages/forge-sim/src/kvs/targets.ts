import { failures, ok, type KvsResult } from './errors.js';
import { entityNamespace, type JsonValue, type KvsNamespace } from './store.js';
import { checkEntityName, checkEntityValue, checkKey, checkValue } from './validate.js';

/** Which namespace a request addresses: a plain key, a secret, or a custom entity's key. */
export type Space = 'kvs' | 'secret' | 'entity';

export interface Target {
  namespace: KvsNamespace;
  key: string;
  entityName?: string;
}

export function resolveTarget(space: Space, key: string, entityName: string | undefined): KvsResult<Target> {
  const keyCheck = checkKey(key);
  if (!keyCheck.ok) return keyCheck;
  if (entityName === undefined) {
    // An entity path without an entity name is malformed; plain and secret keys have none.
    if (space === 'entity') return failures.badRequest('entityName is required');
    return ok({ namespace: space === 'secret' ? 'secret' : 'kvs', key });
  }
  if (space === 'secret') return failures.badRequest('secrets have no entityName');
  const nameCheck = checkEntityName(entityName);
  if (!nameCheck.ok) return nameCheck;
  return ok({ namespace: entityNamespace(entityName), key, entityName });
}

export function checkValueFor(target: Target, value: JsonValue): KvsResult<JsonValue> {
  return target.entityName === undefined ? checkValue(value) : checkEntityValue(value);
}
