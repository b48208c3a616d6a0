// Registers every wuye-kit element. `import 'wuye-kit/define.js'` once in a host page. It exports
// nothing, so it costs only the elements: take functions and classes from `wuye-kit`,
// `wuye-kit/core` or `wuye-kit/workflow`.
import './components/kit-provider/kit-provider.js';
import './components/error-summary/error-summary.js';
import './components/schema-form/schema-form.js';
import './components/defect-checklist/defect-checklist.js';
import './components/workflow-panel/workflow-panel.js';
import './components/deduction-calculator/deduction-calculator.js';
import './components/complaint-form/complaint-form.js';
import './components/complaint-stats/complaint-stats.js';

