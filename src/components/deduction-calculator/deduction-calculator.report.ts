// What <wy-deduction-calculator> loads on its first update (deduction-calculator.parts.ts): the
// model with the deduction engine and the rule-set check, and the views of a result with their
// styles (adopted into the element's shadow root by the LazyController).
export { DeductionModel } from './controllers/model.js';
export { renderReport } from './views/report.js';
export { styles } from './views/report.styles.js';
