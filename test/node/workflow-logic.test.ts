// The JSONLogic evaluator of guards and effects (src/workflow/logic.ts) after its hot-path rework
// (issue 16: indexed loops over frozen definition arrays, comparisons without an array of values):
// the same values and the same evaluation steps (the budget a rule may use) as before, recorded
// here from the implementation before the change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, LogicBudgetError } from '../../src/workflow/logic.js';
import { deepFreeze } from '../../src/workflow/store.js';

const data = { a: 1, s: 'x', list: ['x', 'y'], payload: { severity: 'major', n: '1' }, roles: ['centre-head'], actor: { id: 'E2' }, handler: { id: 'E2' } };

/** [expression, value, steps it takes]. */
const CASES: [unknown, unknown, number][] = [
  [{"==":[{"var":"a"},1]}, true, 4],
  [{"==":[{"var":"payload.n"},1]}, true, 4],
  [{"!=":[{"var":"payload.severity"},"minor"]}, true, 4],
  [{"===":[{"var":"payload.n"},1]}, false, 4],
  [{"!==":[{"var":"a"},1]}, false, 4],
  [{"in":[{"var":"payload.severity"},["major","complex"]]}, true, 6],
  [{"in":["centre-head",{"var":"roles"}]}, true, 4],
  [{"in":["y",{"var":"s"}]}, false, 4],
  [{"in":[1,"a1b"]}, true, 3],
  [{"in":["q",5]}, false, 3],
  [{"or":[{"==":[{"var":"actor.id"},{"var":"handler.id"}]},{"in":["centre-head",{"var":"roles"}]}]}, true, 6],
  [{"==":[1]}, false, 2],
  [{"==":[1,1,2]}, true, 4],
  [{"in":["x"]}, false, 2],
  [{"and":[{"!":{"var":"missing"}},{"<":[1,2,3]}]}, true, 8],
  [[1,{"var":"a"},"x"], [1,1,"x"], 5],
];

/** The least budget the expression runs within (a smaller one stops it with a LogicBudgetError). */
function stepsOf(expr: unknown): number {
  for (let budget = 0; budget < 100; budget++) {
    try {
      evaluate(expr, data, budget);
      return budget;
    } catch (err) {
      if (!(err instanceof LogicBudgetError)) throw err;
    }
  }
  throw new Error('no budget of 100 steps is enough');
}

test('guards and values evaluate as before, in the same number of steps, frozen (sealed) or not', () => {
  for (const [expr, value, steps] of CASES) {
    for (const e of [expr, deepFreeze(structuredClone(expr))]) {
      assert.deepEqual(evaluate(e, data), value, JSON.stringify(e));
      assert.equal(stepsOf(e), steps, JSON.stringify(e));
    }
  }
});
