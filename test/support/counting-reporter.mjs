// Counts browser test results for test/run.mjs, which prints the combined closing line.
// A test file that fails to load (or throws outside a test) counts as one failure.
import { writeFileSync } from 'node:fs';

function countSuite(suite, acc) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite.suites ?? []) countSuite(s, acc);
}

export function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, files: [] };
      for (const session of sessions) {
        const before = acc.failed + acc.passed + acc.skipped;
        if (session.testResults) countSuite(session.testResults, acc);
        const counted = acc.failed + acc.passed + acc.skipped - before;
        if ((session.errors?.length ?? 0) > 0 || (!session.passed && counted === 0)) {
          acc.failed++;
          acc.files.push(session.testFile);
        }
      }
      const out = process.env.WY_COUNT_FILE;
      if (out) writeFileSync(out, JSON.stringify(acc));
      else console.log(`Tests: ${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped`);
    },
  };
}
