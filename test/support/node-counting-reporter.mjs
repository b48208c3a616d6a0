// node --test reporter: counts leaf tests (not suites) and writes them to WY_COUNT_FILE.
import { writeFileSync } from 'node:fs';

export default async function* countingReporter(source) {
  const acc = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const d = event.data;
    if (d.details?.type === 'suite') {
      // A suite that failed outside its tests (a hook, a load error) still counts once.
      if (event.type === 'test:fail' && d.details?.error?.failureType !== 'subtestsFailed') acc.failed++;
      continue;
    }
    if (d.skip !== undefined || d.todo !== undefined) acc.skipped++;
    else if (event.type === 'test:pass') acc.passed++;
    else acc.failed++;
  }
  if (process.env.WY_COUNT_FILE) writeFileSync(process.env.WY_COUNT_FILE, JSON.stringify(acc));
  yield '';
}
