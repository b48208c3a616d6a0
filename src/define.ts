// Registers every wuye-kit element. `import 'wuye-kit/define.js'` once in a host page.
import './components/kit-provider/kit-provider.js';
import './components/error-summary/error-summary.js';

export * from './index.js';
