import { parseReportOfAnyCatalog, type Report } from '@usage-reporting/core';

export type ParsedReport = { ok: true; report: Report } | { ok: false; problem: string };

/**
 * Reads the exact bytes back into a report, so the readable view and the diff describe the very
 * text that is (or was) transmitted rather than a second copy of the data that could drift. The page
 * serves any app's catalog and holds none of them: the envelope is checked, the fields by shape.
 */
export function parseReportText(text: string): ParsedReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `the report is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = parseReportOfAnyCatalog(json);
  return parsed.ok ? { ok: true, report: parsed.value } : { ok: false, problem: parsed.issues.slice(0, 3).join('; ') };
}
