import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue } from '../../src/core/answers';
import type { CriteriaSet } from '../../src/core/criteria';
import { REQUEST_SHEET, appraisalDifferences, explanationRequest, readExplanationReplies } from '../../src/workbook/appraisal';
import type { SheetGrid, WorkbookGrid, WriteValue } from '../../src/workbook/grid';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import type { SheetSpec } from '../../src/workbook/spec';
import { buildTemplate } from '../../src/workbook/template';
import { writeSpecToBuffer } from '../../src/xlsx/write';

const set = JSON.parse(readFileSync(join(__dirname, '../../data/criteria/so-2024.json'), 'utf8')) as CriteriaSet;

function grid(spec: SheetSpec): SheetGrid {
  return { name: spec.name, values: spec.values.map((r) => r.map((v: WriteValue) => (v !== null && typeof v === 'object' ? null : v))) };
}

/** The template with appraisal columns, scores typed on some rows: code -> [self, appraised, reason]. */
function reading(rows: Record<string, [CellValue, CellValue, CellValue]>): UnitReading {
  const spec = buildTemplate(set, { name: 'Sở Tư pháp', level: 'so' }, { withAppraisal: true });
  const wb: WorkbookGrid = { sheets: spec.sheets.map(grid) };
  const table = wb.sheets[0].values;
  for (const row of table) {
    const entry = typeof row[0] === 'string' ? rows[row[0]] : undefined;
    if (entry) [row[6], row[10], row[11]] = entry;
  }
  const r = readUnitWorkbook(wb, { file: 'so-tu-phap.xlsx' });
  if (!r.ok) throw new Error('template not read');
  return r;
}

describe('appraisalDifferences', () => {
  test('rows whose appraised score differs from the self-score, with the reason; equal or unappraised rows are left out', () => {
    const r = reading({
      '1.1.1': [1, 0.5, 'Kế hoạch ban hành sau thời hạn'],
      '1.1.2': [1, 1, null],
      '1.2': [1, null, null],
      '1.4': [null, '0,5', '=Chỉ hoàn thành 90% kế hoạch'],
    });
    expect(appraisalDifferences(r)).toEqual([
      { code: '1.1.1', name: expect.any(String), max: 1, self: 1, appraised: 0.5, reason: 'Kế hoạch ban hành sau thời hạn' },
      { code: '1.4', name: expect.any(String), max: 1, appraised: 0.5, reason: '=Chỉ hoàn thành 90% kế hoạch' },
    ]);
  });
});

describe('explanation request', () => {
  const r = reading({ '1.1.1': [1, 0, '+Không có tài liệu'], '1.2': [1, 0.5, '@thiếu báo cáo quý III'] });

  test('one row per difference, reasons written as text (never formulas), reply columns unlocked', async () => {
    const spec = explanationRequest(r, { issuer: 'SỞ NỘI VỤ TỈNH BẮC KẠN', deadline: 'ngày 15/01/2025' });
    const sheet = spec.sheets[0];
    expect(sheet.name).toBe(REQUEST_SHEET);
    expect(sheet.values[2]).toEqual(['Đơn vị: Sở Tư pháp']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeSpecToBuffer(spec)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(REQUEST_SHEET) as ExcelJS.Worksheet;
    expect([ws.getCell('B8').value, ws.getCell('E8').value, ws.getCell('F8').value, ws.getCell('G8').value]).toEqual(['1.1.1', 1, 0, -1]);
    for (const addr of ['H8', 'H9']) expect(ws.getCell(addr).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('H8').value).toBe('+Không có tài liệu');
    expect(ws.getCell('I8').protection?.locked).toBe(false);
    expect(ws.getCell('C8').protection?.locked).not.toBe(false);
  });

  test('replies are read back; blank rows are unanswered', () => {
    const sheet = grid(explanationRequest(r).sheets[0]);
    sheet.values[7][8] = 'Đơn vị đã ban hành Kế hoạch 12/KH-STP ngày 10/01/2024';
    sheet.values[7][9] = 'https://vbdh.backan.gov.vn/12-KH-STP.pdf';
    const got = readExplanationReplies({ sheets: [{ name: 'Sheet1', values: [] }, sheet] });
    expect(got).toEqual({
      ok: true,
      unit: 'Sở Tư pháp',
      sheet: REQUEST_SHEET,
      replies: [{ code: '1.1.1', row: 8, reply: 'Đơn vị đã ban hành Kế hoạch 12/KH-STP ngày 10/01/2024', evidence: 'https://vbdh.backan.gov.vn/12-KH-STP.pdf' }],
      unanswered: ['1.2'],
    });
  });

  test('a workbook without the table says so in both languages', () => {
    const got = readExplanationReplies({ sheets: [{ name: 'Sheet1', values: [['STT', 'Tên']] }] });
    expect(got.ok).toBe(false);
    if (!got.ok) expect([got.vi, got.en].every((t) => t.includes(REQUEST_SHEET))).toBe(true);
  });
});
