const warned = new Set<string>();

/**
 * Says once per page that an old public name is used: `<wy-complaint-stats>.period` is now
 * `granularity`, … Old names keep working for one minor version (README, "Renamed in 0.2").
 */
export function warnRenamed(tag: string, oldName: string, newName: string): void {
  const key = `${tag}.${oldName}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`wuye-kit: <${tag}> \`${oldName}\` is deprecated and will be removed in 0.3; use \`${newName}\` (README, "Renamed in 0.2").`);
}
