// The elements this one renders inside itself.
import '../error-summary/error-summary.js';
import { WyDeductionCalculator } from './deduction-calculator.component.js';

export * from './deduction-calculator.component.js';

if (!customElements.get('wy-deduction-calculator')) customElements.define('wy-deduction-calculator', WyDeductionCalculator);

declare global {
  interface HTMLElementTagNameMap {
    'wy-deduction-calculator': WyDeductionCalculator;
  }
}
