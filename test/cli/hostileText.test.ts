/** Issue 11 §4: workbook text never drives the terminal; invisible characters do not make another unit. */
import { unitKey } from '../../src/core/consolidate';
import { finding } from '../../src/core/findings';
import { terminalSafe } from '../../src/cli/io';
import { toText } from '../../src/cli/report';
import { textReport } from '../../src/cli/consolidate';

describe('the text report escapes what a workbook could use against the terminal', () => {
  it('ANSI escapes, carriage returns, line breaks and bidi overrides are shown escaped', () => {
    expect(terminalSafe('Sở\x1b[2J\x1b[31mTư pháp\r\n\u202Efdp.exe')).toBe('Sở\\x1B[2J\\x1B[31mTư pháp\\r\\n\\u202Efdp.exe');
    expect(terminalSafe('Kế hoạch số 15/KH-STP ngày 20/01/2024')).toBe('Kế hoạch số 15/KH-STP ngày 20/01/2024');
  });

  it('in the unit name, the file name and a finding quoting a cell', () => {
    const text = toText(
      [
        {
          file: 'don-vi\x07.xlsx',
          status: 'errors',
          unit: 'Sở Tư pháp\x1b]0;pwned\x07',
          level: 'so',
          year: 2024,
          criteriaSet: null,
          totals: null,
          findings: [finding('LINK_INVALID', { link: 'javascript:\x1b[8m', reason: 'x', reasonEn: 'x' }, { criterion: '1.1', sheet: 'Tự chấm\x1b[0m', cell: 'H9' })],
        },
      ],
      'vi',
    );
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(text).toContain('Sở Tư pháp\\x1B]0;pwned\\x07');
    expect(text).toContain('javascript:\\x1B[8m');
    expect(text).toContain('Tự chấm\\x1B[0m!H9');
  });
});

describe('the consolidation report escapes it too', () => {
  it('in rejected files, their reasons, duplicates and missing units', () => {
    const row = { unit: 'Sở Tư pháp\x1b[2J', file: 'so-tu-phap\x1b[31m.xlsx', hash: '', status: 'rejected' as const, errors: 1, warnings: 0 };
    const text = textReport(
      {
        units: [],
        rejected: [{ ...row, reasons: [finding('FILE_UNREADABLE', { file: 'Sở\x1b]0;pwned\x07.xlsx', reason: 'x' }, { field: 'file' })] }],
        duplicates: [{ unit: 'Sở Nội vụ\r', files: ['a\x1b[8m.xlsx', 'b.xlsx'] }],
        missing: [{ name: 'UBND xã\u202Egnol', level: 'xa' }],
        log: [],
      },
      '/tmp/tong-hop.xlsx',
      'vi',
    );
    expect(text.slice(0, -1)).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202a-\u202e]/);
    expect(text).toContain('so-tu-phap\\x1B[31m.xlsx');
    expect(text).toContain('a\\x1B[8m.xlsx');
    expect(text).toContain('UBND xã\\u202Egnol');
    expect(text).toContain('Sở\\x1B]0;pwned\\x07.xlsx');
  });
});

describe('invisible characters do not make another unit', () => {
  it.each([
    ['zero-width space', 'Sở Tư\u200b pháp'],
    ['no-break space', 'Sở Tư\u00a0pháp'],
    ['byte order mark', '\ufeffSở Tư pháp'],
    ['soft hyphen and word joiner', 'Sở T\u00adư\u2060 pháp'],
    ['zero-width joiner, two spaces', 'Sở\u200d  Tư pháp '],
  ])('%s', (_label, name) => {
    expect(unitKey(name)).toBe(unitKey('Sở Tư pháp'));
  });
});
