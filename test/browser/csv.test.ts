import { expect } from '@open-wc/testing';
import { toCsv, csvCell } from '../../src/core/index.js';

describe('toCsv()', () => {
  it('starts with a UTF-8 BOM by default and ends lines with CRLF', async () => {
    const csv = toCsv({ columns: ['管理处', '投诉'], rows: [['华苑管理处', 3]] });
    expect(csv).to.equal('\uFEFF管理处,投诉\r\n华苑管理处,3\r\n');
    const bytes = new Uint8Array(await new Blob([csv]).arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
  });

  it('leaves the BOM out on request', () => {
    expect(toCsv({ columns: ['a'], rows: [] }, { bom: false })).to.equal('a\r\n');
  });

  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('line1\nline2')).to.equal('"line1\nline2"');
    expect(csvCell(' padded ')).to.equal('" padded "');
  });

  it('guards against formula injection', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx']) expect(csvCell(bad).startsWith("'") || csvCell(bad).startsWith(`"'`)).to.equal(true);
    expect(csvCell('=HYPERLINK("http://x","y")')).to.equal(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell(-3)).to.equal('-3');
    expect(csvCell('=1', { formulaGuard: false })).to.equal('=1');
  });

  it('writes empty cells for null, undefined and non-finite numbers', () => {
    expect(toCsv({ columns: ['a', 'b', 'c'], rows: [[null, undefined, Number.NaN]] }, { bom: false })).to.equal('a,b,c\r\n,,\r\n');
  });
});
