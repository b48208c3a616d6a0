// wuye-kit/react: React components for every element, made with @lit/react. Each wrapper sets
// the element's properties (objects and arrays too, which React would otherwise turn into
// attributes) and maps each `wy-*` event to an `onWy…` prop. Importing this module registers the
// elements it wraps. Needs react (16.8+) and @lit/react in the host app.
//
//   import { WySchemaForm } from 'wuye-kit/react';
//   <WySchemaForm schema={schema} uiSchema={ui} onWySubmit={(e) => save(e.detail.value)} />
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { WyChangeEvent } from '../components/shared/events.js';
import { WyKitProvider as WyKitProviderElement } from '../components/kit-provider/kit-provider.component.js';
import { WyErrorSummary as WyErrorSummaryElement, WyErrorSelectEvent } from '../components/error-summary/error-summary.component.js';
import { WySchemaForm as WySchemaFormElement, type WySubmitEvent, type WyInvalidEvent, type WyErrorEvent, type FormChangeDetail } from '../components/schema-form/schema-form.component.js';
import { WyDefectChecklist as WyDefectChecklistElement } from '../components/defect-checklist/defect-checklist.component.js';
import { WyDefectCloseEvent, WyOwnerDecideEvent, type DefectChangeDetail } from '../components/defect-checklist/defect-checklist.events.js';
import { WyComplaintStats as WyComplaintStatsElement, WyStatsCellSelectEvent } from '../components/complaint-stats/complaint-stats.component.js';
import { WyDeductionCalculator as WyDeductionCalculatorElement, type DeductionChangeDetail } from '../components/deduction-calculator/deduction-calculator.component.js';
import { WyComplaintForm as WyComplaintFormElement, WyComplaintSaveEvent, WyComplaintSaveFailEvent } from '../components/complaint-form/complaint-form.component.js';
import { WyWorkflowPanel as WyWorkflowPanelElement, type WyTransitionEvent } from '../components/workflow-panel/workflow-panel.component.js';
import '../components/kit-provider/kit-provider.js';
import '../components/complaint-form/complaint-form.js';
import '../components/workflow-panel/workflow-panel.js';
import '../components/error-summary/error-summary.js';
import '../components/schema-form/schema-form.js';
import '../components/defect-checklist/defect-checklist.js';
import '../components/complaint-stats/complaint-stats.js';
import '../components/deduction-calculator/deduction-calculator.js';

/** `<wy-kit-provider>`: locale, store, actor, reference data and engine for everything inside. */
export const WyKitProvider = createComponent({
  react: React,
  tagName: 'wy-kit-provider',
  elementClass: WyKitProviderElement,
  displayName: 'WyKitProvider',
});

/** `<wy-error-summary>`: `onWyErrorSelect` when the user picks a problem. */
export const WyErrorSummary = createComponent({
  react: React,
  tagName: 'wy-error-summary',
  elementClass: WyErrorSummaryElement,
  displayName: 'WyErrorSummary',
  events: { onWyErrorSelect: WyErrorSelectEvent.type as EventName<WyErrorSelectEvent> },
});

/** `<wy-schema-form>`: `onWyChange`, `onWySubmit`, `onWyInvalid`, `onWyError`. */
export const WySchemaForm = createComponent({
  react: React,
  tagName: 'wy-schema-form',
  elementClass: WySchemaFormElement,
  displayName: 'WySchemaForm',
  events: {
    onWyChange: 'wy-change' as EventName<WyChangeEvent<FormChangeDetail>>,
    onWySubmit: 'wy-submit' as EventName<WySubmitEvent>,
    onWyInvalid: 'wy-invalid' as EventName<WyInvalidEvent>,
    onWyError: 'wy-error' as EventName<WyErrorEvent>,
  },
});

/** `<wy-defect-checklist>`: `onWyChange` ({ items }), `onWyDefectClose`, `onWyOwnerDecide`. */
export const WyDefectChecklist = createComponent({
  react: React,
  tagName: 'wy-defect-checklist',
  elementClass: WyDefectChecklistElement,
  displayName: 'WyDefectChecklist',
  events: {
    onWyChange: 'wy-change' as EventName<WyChangeEvent<DefectChangeDetail>>,
    onWyDefectClose: WyDefectCloseEvent.type as EventName<WyDefectCloseEvent>,
    onWyOwnerDecide: WyOwnerDecideEvent.type as EventName<WyOwnerDecideEvent>,
  },
});

/** `<wy-complaint-stats>`: `onWyStatsCellSelect` when a cell is chosen. */
export const WyComplaintStats = createComponent({
  react: React,
  tagName: 'wy-complaint-stats',
  elementClass: WyComplaintStatsElement,
  displayName: 'WyComplaintStats',
  events: { onWyStatsCellSelect: WyStatsCellSelectEvent.type as EventName<WyStatsCellSelectEvent> },
});

/** `<wy-deduction-calculator>`: `onWyChange` ({ result, whatIf }). */
export const WyDeductionCalculator = createComponent({
  react: React,
  tagName: 'wy-deduction-calculator',
  elementClass: WyDeductionCalculatorElement,
  displayName: 'WyDeductionCalculator',
  events: { onWyChange: 'wy-change' as EventName<WyChangeEvent<DeductionChangeDetail>> },
});

/** `<wy-complaint-form>`: `onWySubmit`, `onWyInvalid`, `onWyChange`, `onWyComplaintSave`, `onWyComplaintSaveFail`. */
export const WyComplaintForm = createComponent({
  react: React,
  tagName: 'wy-complaint-form',
  elementClass: WyComplaintFormElement,
  displayName: 'WyComplaintForm',
  events: {
    onWyChange: 'wy-change' as EventName<WyChangeEvent<FormChangeDetail>>,
    onWySubmit: 'wy-submit' as EventName<WySubmitEvent>,
    onWyInvalid: 'wy-invalid' as EventName<WyInvalidEvent>,
    onWyComplaintSave: WyComplaintSaveEvent.type as EventName<WyComplaintSaveEvent>,
    onWyComplaintSaveFail: WyComplaintSaveFailEvent.type as EventName<WyComplaintSaveFailEvent>,
  },
});

/** `<wy-workflow-panel>`: `onWyTransition` after each accepted action. */
export const WyWorkflowPanel = createComponent({
  react: React,
  tagName: 'wy-workflow-panel',
  elementClass: WyWorkflowPanelElement,
  displayName: 'WyWorkflowPanel',
  events: { onWyTransition: 'wy-transition' as EventName<WyTransitionEvent> },
});
