import type { ClientError } from '../api/client.js';
import { createI18n, type I18n } from '../i18n/i18n.js';

const english = createI18n();

/**
 * Every failure the page can meet, in plain words: what happened and what the admin can do. The
 * words are the catalog's `error.{CODE}` messages (every code has one, or this does not compile).
 * The backend's own message is kept for the "details" line, never shown as the headline.
 */
export function explainError(error: ClientError, i18n: Pick<I18n, 't'> = english): string {
  return i18n.t(`error.${error.code}`);
}
