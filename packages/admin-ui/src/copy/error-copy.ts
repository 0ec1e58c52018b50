import type { ClientError, ClientErrorCode } from '../api/client.js';

/**
 * Every failure the page can meet, in plain words: what happened and what the admin can do.
 * The backend's own message is kept for the "details" line, never shown as the headline.
 */
const copy: Record<ClientErrorCode, string> = {
  NOT_ADMIN: 'Only site administrators can do this.',
  INVALID_INPUT: 'The app could not accept that request. Reload the page and try again.',
  NOT_FOUND: 'That item no longer exists. Reload the page to see the current state.',
  CONFLICT: 'Something changed while you were working. Reload the page to see the latest state.',
  CONSENT_REQUIRED: 'Nothing was sent: this needs your consent first.',
  DIGEST_MISMATCH: 'Nothing was sent: the report no longer matches the preview you saw. Look at the new preview and try again.',
  DRAFT_EXPIRED: 'Nothing was sent: the preview you saw is out of date. Look at the new preview and try again.',
  RESTRICTIONS_CHANGED: 'Nothing was sent: your restrictions changed after this preview was made. Look at the new preview and try again.',
  PRIVACY_BLOCKED: 'Nothing was sent: the privacy check stopped a value that is not allowed in a report.',
  TOO_LARGE: "Nothing was sent: the report is larger than the vendor's server accepts.",
  // Sends never fail with TRANSPORT (an unanswered send comes back as outcome "queued"), so this is said of vendor requests.
  TRANSPORT: "The vendor's server did not answer. Try again later; anything the app already queued is retried automatically.",
  ANSWER_NOT_VERIFIED: "The vendor's answer was not accepted: it does not verify against the vendor's collector key, or it is not about anything this site handed over. Nothing was recorded.",
  STORAGE: 'The app could not read or save its data on this site. Try again in a moment.',
  INTERNAL: 'Something went wrong inside the app. Try again; if it keeps happening, contact the vendor.',
  UNREACHABLE: "The page could not reach the app's backend. Check your connection and try again.",
  BAD_RESPONSE: "The app's backend answered in a way this page does not understand. Reload the page; if it keeps happening, contact the vendor."
};

export function explainError(error: ClientError): string {
  return copy[error.code];
}
