import fc from 'fast-check';
import { chooseBaseline, parseBaselineText, readFileText } from '../../src/taskpane/baselineFile';
import { encodeWindows1258 } from '../text/windows1258';

describe('parseBaselineText', () => {
  it.each([
    ['CSV by name and content', 'ket-qua.csv', 'Đơn vị;Mã tiêu chí;Điểm\nSở Tư pháp;1.2;0,5\n'],
    ['JSON by name', 'ket-qua.json', '[{"unit": "Sở Tư pháp", "criterion": "1.2", "score": 0.5}]'],
    ['JSON by content, with a BOM', 'ket-qua.txt', '\uFEFF{"rows": [{"unit": "Sở Tư pháp", "code": "1.2", "score": "0,5"}]}'],
  ])('reads %s', (_, name, text) => {
    const parse = parseBaselineText(name, text);
    expect(parse.problems).toEqual([]);
    expect(chooseBaseline(name, parse, 'sở tư pháp')).toMatchObject({ kind: 'matched', unit: 'Sở Tư pháp', scores: new Map([['1.2', 0.5]]) });
  });

  it('reads the file in the encodings Excel saves CSV in: UTF-8, UTF-16, Windows-1258', async () => {
    const csv = 'Đơn vị;Mã tiêu chí;Điểm năm 2023\r\nSở Tư pháp;1.2;0,5\r\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...csv].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    for (const bytes of [new TextEncoder().encode(csv), utf16, encodeWindows1258(csv)]) {
      const text = await readFileText(new Blob([bytes]));
      expect(text).toBe(csv);
      expect(chooseBaseline('ket-qua.csv', parseBaselineText('ket-qua.csv', text), 'Sở Tư pháp')).toMatchObject({ kind: 'matched', scores: new Map([['1.2', 0.5]]) });
    }
  });

  it('reports unreadable JSON as one problem without a line', () => {
    const parse = parseBaselineText('ket-qua.json', '[{"unit": "Sở Tư pháp",');
    expect(parse.problems).toHaveLength(1);
    expect(parse.problems[0]).toMatchObject({ line: 0, vi: expect.stringContaining('tệp JSON không đọc được') });
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom('a.csv', 'a.json', 'a'), (text, name) => {
      parseBaselineText(name, text);
    }));
  });
});

describe('chooseBaseline', () => {
  const parse = parseBaselineText('a.csv', 'Đơn vị,Mã tiêu chí,Điểm\nSở Y tế,1,1\nUBND huyện Ba Bể,1,0\n');

  it('lists the units the file holds when the open unit is not among them', () => {
    expect(chooseBaseline('a.csv', parse, 'Sở Tư pháp')).toMatchObject({ kind: 'no-unit', unit: 'Sở Tư pháp', units: ['Sở Y tế', 'UBND huyện Ba Bể'] });
  });

  it('cannot match a workbook that does not name its unit', () => {
    expect(chooseBaseline('a.csv', parse, undefined)).toMatchObject({ kind: 'no-unit', unit: undefined });
  });

  it('matches "Ủy ban nhân dân" with "UBND"', () => {
    expect(chooseBaseline('a.csv', parse, 'Uỷ ban nhân dân huyện Ba Bể')).toMatchObject({ kind: 'matched', unit: 'UBND huyện Ba Bể' });
  });
});
