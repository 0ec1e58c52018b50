import { fetch as forgeFetch } from '@forge/api';
import { loadSigningIdentity } from '../identity/identity.js';
import { reassertKeyChain } from '../identity/rotation.js';
import { sendSignedOnce, type BuildRequest, type CollectorAnswer } from './collector-http.js';
import type { FetchLike } from './report-transport.js';

/**
 * Sends one request signed with the installation's current key. If the collector answers that it does
 * not recognise the key (401 UNAUTHENTICATED: it lost its copy of the key chain, or a rotation stopped
 * half way), the app tells it the chain, finishing any pending rotation first, and tries once more.
 * Any other answer is the caller's to classify.
 */
export async function sendSigned(build: BuildRequest, fetchImpl: FetchLike = forgeFetch): Promise<CollectorAnswer> {
  const first = await sendSignedOnce(await loadSigningIdentity(new Date()), build, fetchImpl);
  if (first.kind !== 'answered' || first.status !== 401 || first.code !== 'UNAUTHENTICATED') return first;
  try {
    await reassertKeyChain(new Date(), fetchImpl);
  } catch {
    // The chain could not be presented either: the first answer says what the admin needs to know.
    return first;
  }
  return sendSignedOnce(await loadSigningIdentity(new Date()), build, fetchImpl);
}
