// Registers <wy-deduction-calculator>. The elements it renders inside itself (<wy-error-summary>)
// are registered by the parts that show them, when they load (deduction-calculator.parts.ts).
import { WyDeductionCalculator } from './deduction-calculator.component.js';

export * from './deduction-calculator.component.js';

if (!customElements.get('wy-deduction-calculator')) customElements.define('wy-deduction-calculator', WyDeductionCalculator);

declare global {
  interface HTMLElementTagNameMap {
    'wy-deduction-calculator': WyDeductionCalculator;
  }
}
