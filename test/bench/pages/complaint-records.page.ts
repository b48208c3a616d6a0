// A page for looking at the service and emergency records in <wy-schema-form>: ?record=emergency,
// ?readonly, ?filled, ?locale=en.
import '../../../src/components/schema-form/schema-form.js';
import type { JsonSchema, UiSchema } from '../../../src/core/form/index.js';
import serviceRecord from '../../../schemas/service-record.schema.json';
import serviceRecordUi from '../../../schemas/service-record.ui.json';
import serviceExamples from '../../../schemas/examples/service-record.valid.json';
import emergencyRecord from '../../../schemas/emergency-record.schema.json';
import emergencyRecordUi from '../../../schemas/emergency-record.ui.json';
import emergencyExamples from '../../../schemas/examples/emergency-record.valid.json';

const params = new URLSearchParams(location.search);
const emergency = params.get('record') === 'emergency';
const form = document.createElement('wy-schema-form');
form.schema = (emergency ? emergencyRecord : serviceRecord) as JsonSchema;
form.uiSchema = (emergency ? emergencyRecordUi : serviceRecordUi) as unknown as UiSchema;
if (params.get('locale')) form.locale = params.get('locale')!;
if (params.has('filled') || params.has('readonly')) form.value = emergency ? emergencyExamples[0] : serviceExamples[0];
if (params.has('readonly')) form.readonly = true;
document.body.style.cssText = 'margin: 16px; max-width: 960px';
document.body.append(form);
