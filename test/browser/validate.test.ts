import { expect } from '@open-wc/testing';
import { validate, formatError, UnknownSchemaError } from '../../src/core/index.js';
import validComplaints from '../../schemas/examples/complaint.valid.json';
import invalidComplaints from '../../schemas/examples/complaint.invalid.json';
import type { InvalidCase } from '../support/examples.js';
import type { Complaint } from '../../src/core/index.js';

describe('validate() with the precompiled complaint validator', () => {
  it('accepts every valid example', () => {
    expect(validComplaints.length).to.be.greaterThan(10);
    for (const record of validComplaints) {
      const r = validate<Complaint>('complaint', record);
      expect(r.errors, (record as Complaint).recordNo).to.deep.equal([]);
      expect(r.valid).to.equal(true);
      expect(r.data).to.equal(record);
    }
  });

  for (const c of invalidComplaints as InvalidCase[]) {
    it(`rejects "${c.name}" at the expected path`, () => {
      const r = validate('complaint', c.data);
      expect(r.valid).to.equal(false);
      const got = r.errors.map((e) => ({ path: e.path, keyword: e.keyword }));
      for (const want of c.expect) expect(got).to.deep.include(want);
    });
  }

  it('accepts the schema $id as well as the short name', () => {
    const id = 'https://wuye-kit.dev/schemas/complaint.schema.json';
    expect(validate(id, validComplaints[0]).valid).to.equal(true);
  });

  it('words messages in zh-CN by default and in en on request', () => {
    const c = (invalidComplaints as InvalidCase[]).find((x) => x.name === 'bad phone')!;
    expect(validate('complaint', c.data).errors[0]!.message).to.equal('投诉人·联系电话的格式不正确');
    expect(validate('complaint', c.data, { locale: 'en' }).errors[0]!.message).to.equal('Complainant · Phone is not in the expected format');
    const labelled = validate('complaint', c.data, { locale: 'zh-CN', labelOf: (p) => (p === '/complainant/phone' ? '联系电话' : undefined) });
    expect(labelled.errors[0]!.message).to.equal('联系电话的格式不正确');
  });

  it('reports every problem at once, not just the first', () => {
    const r = validate('complaint', { recordNo: 'X-1', kind: 'complaint' });
    const missing = r.errors.filter((e) => e.keyword === 'required').map((e) => e.path);
    expect(missing).to.include.members(['/receivedAt', '/channel', '/category', '/severity', '/description', '/firstReceiver']);
    // The content category and severity classify complaints only (WI/KF-007 四(二)3).
    const consultation = validate('complaint', { recordNo: 'X-1', kind: 'consultation' }).errors.map((e) => e.path);
    expect(consultation).to.include('/receivedAt').and.not.include('/category').and.not.include('/severity');
  });

  it('rejects non-objects without throwing', () => {
    for (const bad of [null, 42, 'complaint', [], undefined]) {
      const r = validate('complaint', bad);
      expect(r.valid).to.equal(false);
      expect(r.errors[0]!.keyword).to.equal('type');
    }
  });

  it('does not let a __proto__ key through', () => {
    const hostile = JSON.parse(JSON.stringify(validComplaints[0]).replace('{', '{"__proto__":{"polluted":true},'));
    const r = validate('complaint', hostile);
    expect(r.valid).to.equal(false);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });

  it('throws a clear error for an unknown schema id', () => {
    expect(() => validate('no-such-schema', {})).to.throw(UnknownSchemaError, /no-such-schema.*Known: .*complaint/);
  });

  it('names the field with the schema label, and says "this field" when it has none', () => {
    const missing = (invalidComplaints as InvalidCase[]).find((x) => x.name === 'missing category')!;
    expect(validate('complaint', missing.data).errors[0]!.message).to.equal('投诉分类为必填项');
    expect(validate('complaint', missing.data, { labelOf: () => undefined }).errors[0]!.message).to.equal('此项为必填项');
  });

  it('fills {placeholders} from the keyword params', () => {
    expect(formatError({ keyword: 'maxLength', params: { limit: 100 } }, 'en', 'Subject')).to.equal('Subject must be at most 100 characters');
    expect(formatError({ keyword: 'maxLength', params: { limit: 100 } }, 'zh-CN', '主题')).to.equal('主题最多 100 个字符');
  });
});
