import type { AdminPageOutput, FieldInfo } from '@usage-reporting/core/api';
import { describeEntry } from '@usage-reporting/core';

/**
 * The catalog's fields with their descriptions in the admin's language: the backend sends each
 * field's translations, and the page picks its own locale's (`de-AT` finds `de`), English where the
 * catalog has none. The translations stay on each field, for value labels (describeValue).
 */
export function localizeFields(fields: readonly FieldInfo[], locale: string): FieldInfo[] {
  return fields.map((field) => (field.translations ? { ...field, description: describeEntry(field, locale) } : field));
}

/** The page's answer with every field description in the admin's language. */
export function localizePage(page: AdminPageOutput, locale: string): AdminPageOutput {
  return { ...page, fields: localizeFields(page.fields, locale), newFields: localizeFields(page.newFields, locale) };
}
