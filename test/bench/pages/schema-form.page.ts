// A page for looking at <wy-schema-form> (screenshots) with the real complaint schema.
import '../../../src/components/schema-form/schema-form.js';
import complaint from '../../../schemas/complaint.schema.json';
import ui from '../../../schemas/complaint.ui.json';
import examples from '../../../schemas/examples/complaint.valid.json';
import type { JsonSchema, UiSchema } from '../../../src/core/form/index.js';

const params = new URLSearchParams(location.search);
const form = document.createElement('wy-schema-form');
form.schema = complaint as JsonSchema;
form.uiSchema = ui as unknown as UiSchema;
if (params.get('locale')) form.locale = params.get('locale')!;
if (params.has('filled')) form.value = examples[3];
if (params.has('readonly')) form.readonly = true;
document.body.style.cssText = 'margin: 16px; max-width: 960px';
document.body.append(form);
if (params.has('submit')) void form.updateComplete.then(() => form.requestSubmit());
