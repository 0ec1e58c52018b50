/**
 * Which history entries the scheduled job purges: those older than the retention the admin set
 * (two years at most). Age counts from when the report was created, sent or not.
 */
export function selectExpired<T extends { reportId: string; createdAt: string }>(entries: readonly T[], retentionDays: number, now: Date): T[] {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  return entries.filter((e) => Date.parse(e.createdAt) < cutoff);
}
