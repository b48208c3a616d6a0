// A page for looking at <wy-complaint-form> (screenshots): ?locale=en, ?filled, ?readonly,
// ?submit (show the errors), ?routing (a staff complaint routed to HR/admin), ?fail (a store that fails).
import '../../../src/components/complaint-form/complaint-form.js';
import offices from '../../../schemas/examples/offices.json';
import examples from '../../../schemas/examples/complaint.valid.json';

const params = new URLSearchParams(location.search);
const form = document.createElement('wy-complaint-form');
form.offices = offices;
form.actor = { id: 'E1001', name: '周敏', roles: ['receptionist'] };
if (params.get('locale')) form.locale = params.get('locale')!;
const sample = examples[5] as Record<string, unknown>;
if (params.has('filled')) {
  const { recordNo: _r, firstReceiver: _f, meta: _m, handler: _h, deadline: _d, reply: _rp, validity: _v, returnVisit: _rv, closedAt: _c, ...intake } = sample;
  form.value = intake;
}
if (params.has('routing')) form.value = { complainant: { type: 'staff-partner', name: '<img src=x onerror=alert(1)>' }, concern: 'company-rule', ruleDocument: '装修管理规定', ruleOwner: '工程管理部', severity: 'major', subject: '加班费' };
if (params.has('readonly')) {
  form.value = sample;
  form.readonly = true;
}
if (params.has('fail')) form.store = { submitComplaint: () => Promise.reject(new Error('网络中断 (503)')) };
document.body.style.cssText = 'margin: 16px; max-width: 960px';
document.body.append(form);
if (params.has('submit')) void form.updateComplete.then(() => new Promise((r) => setTimeout(r, 300))).then(() => form.requestSubmit());
