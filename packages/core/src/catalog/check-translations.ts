import { z } from 'zod';
import type { MetricEntry } from './entry.js';

/**
 * The rules for a catalog's translations, checked with the rest of the catalog so one run lists
 * every problem. A translation is read by an admin deciding what to share, so it must say
 * something (no empty text), say it about a field the catalog has, and label only values the
 * field can take. Each problem names the entry and the language tag.
 */
export const MAX_DESCRIPTION = 300;
const MAX_VALUE_LABEL = 64;

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'is not text') })
    .refine((s) => s.trim() !== '', { error: 'is empty' })
    .refine((s) => s.length <= max, { error: `is over ${max} characters` });

export const entryTranslationSchema = z.strictObject(
  {
    description: text(MAX_DESCRIPTION),
    valueLabels: z.record(z.string(), text(MAX_VALUE_LABEL), { error: 'is not an object of labels' }).optional()
  },
  { error: 'is not an object with a description' }
);

const TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** What is wrong with a language tag, worded to follow "under 'xx'", or null. */
function tagProblem(tag: string): string | null {
  let valid = TAG.test(tag);
  try {
    Intl.getCanonicalLocales(tag);
  } catch {
    valid = false;
  }
  if (!valid) return "which is not a BCP 47 language tag (like 'de' or 'pt-BR')";
  if (tag.toLowerCase() === 'en') return "but English is the description itself, not a translation";
  return null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One translation the catalog holds, and where it was written. */
interface Found {
  tag: string;
  where: 'entry' | 'catalog';
  value: unknown;
}

/**
 * Every problem with the translations: each entry's own (`entry.translations`) and the catalog-level
 * map (`makeCatalog(entries, { translations })`), which may name only keys the catalog has.
 */
export function checkTranslations(entries: readonly unknown[], map?: unknown): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, { entry: Partial<MetricEntry>; found: Found[] }>();
  entries.forEach((entry) => {
    if (!isRecord(entry) || typeof entry.key !== 'string' || byKey.has(entry.key)) return;
    const name = `'${entry.key}'`;
    const own = entry.translations;
    const found: Found[] = [];
    if (own !== undefined && !isRecord(own)) problems.push(`${name} has translations that are not an object keyed by language tag`);
    else if (own) for (const [tag, value] of Object.entries(own)) found.push({ tag, where: 'entry', value });
    byKey.set(entry.key, { entry: entry as Partial<MetricEntry>, found });
  });

  if (map !== undefined) {
    if (!isRecord(map)) problems.push("the catalog's translations are not an object keyed by language tag");
    else {
      for (const [tag, keys] of Object.entries(map)) {
        const badTag = tagProblem(tag);
        if (badTag) {
          problems.push(`the catalog has translations under '${tag}', ${badTag}`);
          continue;
        }
        if (!isRecord(keys)) {
          problems.push(`the catalog's '${tag}' translations are not an object keyed by catalog key`);
          continue;
        }
        for (const [key, value] of Object.entries(keys)) {
          const target = byKey.get(key);
          if (target) target.found.push({ tag, where: 'catalog', value });
          else problems.push(`the catalog's '${tag}' translations name '${key}', which is not a key of this catalog`);
        }
      }
    }
  }

  for (const [key, { entry, found }] of byKey) problems.push(...checkEntry(`'${key}'`, entry, found));
  return problems;
}

function checkEntry(name: string, entry: Partial<MetricEntry>, found: readonly Found[]): string[] {
  const problems: string[] = [];
  const tags = new Map<string, Found>();
  for (const item of found) {
    const badTag = tagProblem(item.tag);
    if (badTag) {
      problems.push(`${name} has a translation under '${item.tag}', ${badTag}`);
      continue;
    }
    const earlier = tags.get(item.tag.toLowerCase());
    if (earlier) {
      const places = earlier.where === item.where ? `twice in the ${item.where === 'entry' ? 'entry' : "catalog's translations"}` : "in the entry and in the catalog's translations";
      problems.push(`${name} is translated into '${item.tag}' ${places}; keep one`);
      continue;
    }
    tags.set(item.tag.toLowerCase(), item);
    problems.push(...checkOne(`${name} ('${item.tag}' translation)`, entry, item.value));
  }
  return problems;
}

function checkOne(name: string, entry: Partial<MetricEntry>, value: unknown): string[] {
  const parsed = entryTranslationSchema.safeParse(value);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${name}: ${issueWords(issue)}`);
  const labels = isRecord(value) && isRecord(value.valueLabels) ? Object.keys(value.valueLabels) : [];
  if (labels.length === 0) return problems;
  if (entry.valueType?.kind !== 'enum') return [...problems, `${name}: has valueLabels, but only an enum field's values have labels`];
  const values: readonly string[] = entry.valueType.values;
  for (const v of labels) if (!values.includes(v)) problems.push(`${name}: labels '${v}', which is not one of the field's values (${values.join(', ')})`);
  return problems;
}

function issueWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `has ${issue.keys.map((k) => `'${k}'`).join(', ')}, but a translation has only a description and valueLabels`;
  const [field, label] = issue.path;
  const where = field === undefined ? 'the translation' : field === 'valueLabels' && label !== undefined ? `the label for '${String(label)}'` : String(field);
  return `${where} ${issue.message}`;
}
