import registerHeaders from '../../src/workbook/register-headers.json';
import { csvToGrid } from '../../src/workbook/csv';
import { REGISTER_COLUMN_KEYS, classifyRegisterHeader, readRegister, readRegisterDate, registerForUnit, type RegisterColumnKey } from '../../src/workbook/register';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { ROWS_2023, ROWS_2024, csvRegister, decree30Register, dmsRegister } from './registers';

const ALL_ROWS = ROWS_2024.length + ROWS_2023.length;

describe('reading a register of outgoing documents', () => {
  it('Nghị định 30/2020 Phụ lục IV: title rows, numbering row, one sheet per year', async () => {
    const reg = readRegister(await readWorkbookBuffer(await decree30Register(), 'so.xlsx'), { file: 'so.xlsx' });
    expect(reg.sheets.map((s) => [s.name, s.headerRow, s.entries])).toEqual([
      ['Năm 2024', 5, ROWS_2024.length - 1],
      ['Năm 2023', 5, ROWS_2023.length],
    ]);
    expect(reg.sheets[0].columns).toMatchObject({ symbol: 0, date: 1, summary: 2, signer: 3, recipients: 4 });
    const plan = reg.entries.find((e) => e.symbol === '27/KH-STP');
    expect(plan).toMatchObject({ sheet: 'Năm 2024', row: 9, number: '27', issuer: 'STP', date: '2024-02-05', dateText: '05/02/2024', signer: 'Nguyễn Văn A' });
    expect(plan?.kind?.id).toBe('ke-hoach');
    // A letter: no kind part in its symbol, no kind column, a summary starting "V/v".
    expect(reg.entries.find((e) => e.symbol === '45/STP-VP')?.kind?.id).toBe('cong-van');
    expect(reg.problems).toEqual([{ sheet: 'Năm 2024', row: 12, cell: 'B12', column: 'date', text: '31/02/2024' }]);
  });

  it('a document-management export: letterhead above the header, real date cells, a kind column', async () => {
    const reg = readRegister(await readWorkbookBuffer(await dmsRegister(), 'dms.xlsx'));
    expect(reg.sheets).toEqual([{ name: 'Danh sách văn bản đi', headerRow: 5, columns: { symbol: 1, date: 2, kind: 3, summary: 4, signer: 5 }, entries: ALL_ROWS - 1 }]);
    const report = reg.entries.find((e) => e.symbol === '312/BC-STP');
    expect(report).toMatchObject({ date: '2024-12-12', summary: 'kết quả thực hiện kế hoạch cải cách hành chính năm 2024' });
    expect(report?.kind?.id).toBe('bao-cao');
    expect(reg.problems).toEqual([{ sheet: 'Danh sách văn bản đi', row: 11, cell: 'C11', column: 'date', text: '31/02/2024' }]);
  });

  it('a CSV export: number and symbol in two columns, a summary with a line break and quotes', () => {
    const reg = readRegister(csvToGrid(csvRegister(), { sheetName: 'so.csv' }));
    expect(reg.sheets[0]).toMatchObject({ name: 'so.csv', headerRow: 1, columns: { number: 0, symbol: 1, date: 2, summary: 3, signer: 4 } });
    expect(reg.entries).toHaveLength(ALL_ROWS - 1);
    expect(reg.entries.find((e) => e.symbol === '27/KH-STP')?.summary).toContain('("đợt 1";\nphòng');
    // Row 7 of the grid starts on line 8 of the file: the summary of 27/KH-STP spans two lines.
    expect(reg.problems).toEqual([{ sheet: 'so.csv', row: 7, line: 8, cell: 'C7', column: 'date', text: '31/02/2024' }]);
    expect(reg.entries.find((e) => e.symbol === '40/KH-STP')).toMatchObject({ row: 5, line: 6 });
    expect(reg.entries.find((e) => e.symbol === '15/KH-STP')).toMatchObject({ row: 3, line: 3 });
  });

  it('reports an unreadable number/symbol with its row, skips blank and continuation rows and a repeated header', () => {
    const grid = {
      sheets: [
        {
          name: 'Sổ',
          values: [
            ['Số, ký hiệu', 'Ngày tháng văn bản', 'Trích yếu'],
            ['27 KH-STP', '05/02/2024', 'Kế hoạch kiểm tra'],
            [null, null, '(tiếp) nội dung dòng trên'],
            [],
            ['Số, ký hiệu', 'Ngày tháng văn bản', 'Trích yếu'],
            ['28/KH-STP', 45328, 'Kế hoạch tuyên truyền'],
            [null, '06/02/2024', 'Không có số'],
            ['29/KH-STP', '2024-02-07', 'ISO'],
            ['30/KH-STP', '07/02/2024 08:30', 'Có giờ'],
          ],
        },
      ],
    };
    const reg = readRegister(grid);
    expect(reg.entries.map((e) => [e.symbol, e.date])).toEqual([
      ['28/KH-STP', '2024-02-06'],
      ['29/KH-STP', '2024-02-07'],
      ['30/KH-STP', '2024-02-07'],
    ]);
    expect(reg.problems).toEqual([
      { sheet: 'Sổ', row: 2, cell: 'A2', column: 'symbol', text: '27 KH-STP' },
      { sheet: 'Sổ', row: 7, cell: 'A7', column: 'symbol', text: '' },
    ]);
  });

  it('finds no register in a score sheet or a sheet without a date column', () => {
    const grid = { sheets: [{ name: 'Tự chấm', values: [['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng']] }, { name: 'Ký hiệu', values: [['Số, ký hiệu', 'Trích yếu'], ['1/KH-STP', 'x']] }] };
    expect(readRegister(grid).sheets).toEqual([]);
  });

  it.each([
    ['05/02/2024', '2024-02-05'],
    ['ngày 05 tháng 02 năm 2024', '2024-02-05'],
    ['5-2-2024', '2024-02-05'],
    ['2024-02-05T00:00:00.000Z', '2024-02-05'],
  ])('reads the date %j', (text, iso) => {
    expect(readRegisterDate(text)).toMatchObject({ ok: true, iso });
  });

  it.each(['31/02/2024', '', 'chưa ghi', '05/02/2024; 06/02/2024', '2024-02-31'])('refuses the date %j', (text) => {
    expect(readRegisterDate(text).ok).toBe(false);
  });
});

describe('register header wordings (src/workbook/register-headers.json)', () => {
  const wordings = registerHeaders.columns as Record<RegisterColumnKey, { exact?: string[]; contains?: string[] }>;

  it('names only known columns, and every wording is recognised as its own column', () => {
    expect(Object.keys(wordings).every((k) => REGISTER_COLUMN_KEYS.includes(k as RegisterColumnKey))).toBe(true);
    for (const [key, role] of Object.entries(wordings)) {
      for (const w of [...(role.exact ?? []), ...(role.contains ?? [])]) expect([w, classifyRegisterHeader(w)]).toEqual([w, key]);
    }
  });

  it.each([
    ['Số, ký hiệu văn bản', 'symbol'],
    ['SỐ KÝ HIỆU VĂN BẢN', 'symbol'],
    ['Tên loại và trích yếu nội dung văn bản', 'summary'],
    ['Ngày tháng văn bản', 'date'],
    ['Ngày chuyển', undefined],
    ['Số lượng bản', undefined],
    ['Đơn vị, người nhận bản lưu', undefined],
    ['Ký nhận', undefined],
  ])('%j -> %s', (text, key) => {
    expect(classifyRegisterHeader(text)).toBe(key);
  });
});

describe('the register of a unit, by the file name', () => {
  const names = ['So dang ky van ban di - Sở Tư pháp 2024.xlsx', 'so-y-te.csv', 'SỔ VĂN BẢN ĐI SỞ TƯ PHÁP TỈNH.xlsx'];

  it('matches the unit named in the file, diacritics, case and the register words aside', () => {
    expect(registerForUnit('Sở Y tế', names)).toBe(1);
    expect(registerForUnit('Sở Nội vụ', names)).toBeUndefined();
  });

  it('gives a file to the unit with the longest name that fits, and nothing when two files fit', () => {
    expect(registerForUnit('Sở Tư pháp tỉnh', names, ['Sở Tư pháp', 'Sở Tư pháp tỉnh'])).toBe(2);
    expect(registerForUnit('Sở Tư pháp', names, ['Sở Tư pháp', 'Sở Tư pháp tỉnh'])).toBe(0);
    expect(registerForUnit('Sở Tư pháp', names)).toBeUndefined();
  });
});
