// Registers every wuye-kit element. `import 'wuye-kit/define.js'` once in a host page.
import './components/kit-provider/kit-provider.js';
import './components/error-summary/error-summary.js';
import './components/schema-form/schema-form.js';
import './components/defect-checklist/defect-checklist.js';
import './components/workflow-panel/workflow-panel.js';
import './components/deduction-calculator/deduction-calculator.js';
import './components/complaint-form/complaint-form.js';
import './components/complaint-stats/complaint-stats.js';

export * from './index.js';
