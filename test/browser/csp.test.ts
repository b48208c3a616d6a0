import { expect } from '@open-wc/testing';
import { validate } from '../../src/core/index.js';
import validComplaints from '../../schemas/examples/complaint.valid.json';

// The test pages carry a CSP without 'unsafe-eval' (web-test-runner.config.mjs). These tests
// prove the policy is in force, so the other tests really run without eval.
describe('Content-Security-Policy without unsafe-eval', () => {
  it('is set on the test page', () => {
    const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(meta?.getAttribute('content')).to.contain("script-src 'self'").and.not.contain('unsafe-eval');
  });

  it('makes eval throw', () => {
    // eslint-disable-next-line no-eval
    expect(() => (0, eval)('1 + 1')).to.throw(EvalError);
  });

  it('makes new Function throw', () => {
    // eslint-disable-next-line no-new-func
    expect(() => new Function('return 1')).to.throw(EvalError);
  });

  it('still lets the precompiled validators run', () => {
    expect(validate('complaint', validComplaints[0]).valid).to.equal(true);
  });
});
