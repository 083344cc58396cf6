/**
 * Tester's F3 on a hand-made sheet: totals typed by the officer (a criterion, its field
 * and the `TỔNG CỘNG` row) where each was typed from the wrong one below it. Every wrong
 * typed total is reported with its cell, the typed and the expected value, and the
 * printed score sheet shows what the file says, marked, never a recomputed number.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPrint } from '../../src/cli/print';
import { message } from '../../src/core/findings';
import { DRAFT_MARK, fileTotalsOf, scoreSheetFromReading } from '../../src/workbook/print';
import { readUnitWorkbook, validateReading, type UnitReading } from '../../src/workbook/read';
import type { SheetSpec } from '../../src/workbook/spec';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { handRows, handmadeWorkbook } from './handmade';

const TODAY = '2025-03-01';

async function workbook(scores: Record<string, number>): Promise<Buffer> {
  return handmadeWorkbook({ rows: handRows().map((r) => (r.ref !== undefined && r.ref in scores ? { ...r, score: scores[r.ref] } : r)) });
}

async function read(scores: Record<string, number>): Promise<UnitReading> {
  const reading = readUnitWorkbook(await readWorkbookBuffer(await workbook(scores), 'tu-cham.xlsx'), { file: 'tu-cham.xlsx' });
  if (!reading.ok) throw new Error(reading.findings.map((f) => message(f)).join('\n'));
  return reading;
}

const texts = (sheet: SheetSpec) => sheet.values.map((r) => r.filter((v) => v !== null).join(' | '));
const scoreOf = (sheet: SheetSpec, first: string) => sheet.values.find((r) => r[0] === first)?.[3];

describe('typed totals of a hand-made sheet', () => {
  // Row 11 (criterion "1", typed 2 for 1 + 2), its field I on row 10 and TỔNG CỘNG on row 21
  // were each typed from the wrong total below: 2, 2 and 6 where the rows give 3, 3 and 7.
  const wrong = { '1.1': 2, '1': 2 };

  it('reports every wrong typed total with its cell, typed and expected values', async () => {
    const r = await read(wrong);
    const found = validateReading(r, { today: TODAY }).filter((f) => f.code === 'TOTAL_MISMATCH');
    expect(found.map((f) => [f.cell, f.params])).toEqual([
      ['D10', { total: 2, sum: 3 }],
      ['D11', { total: 2, sum: 3 }],
      ['D21', { total: 6, sum: 7 }],
    ]);
    // The "Tổng cộng" row has no criterion: its message names its row (tester F6: "dòng này").
    expect([found[2].sheet, found[2].row, found[2].criterion]).toEqual([expect.any(String), 21, undefined]);
    expect(message(found[2], 'vi')).toBe('Tổng điểm 6 của dòng 21 khác tổng điểm các tiêu chí con (7). Sửa lại tổng hoặc dùng công thức tính tổng.');
    expect(message(found[2], 'en')).toBe('The total 6 of row 21 differs from the sum of its children (7). Correct the total or use a sum formula.');
  });

  it('the totals the file holds, by cell', async () => {
    expect(fileTotalsOf(await read(wrong))).toEqual([
      { code: 'I', cell: 'D10', value: 2 },
      { code: '1', cell: 'D11', value: 2 },
      { code: 'II', cell: 'D16', value: 4 },
      { code: '5', cell: 'D18', value: 2 },
      { cell: 'D21', value: 6 },
    ]);
  });

  it('prints what the file says, marks each disagreement and lists it, as a draft', async () => {
    const r = await read(wrong);
    const sheet = scoreSheetFromReading(r, { findings: validateReading(r, { today: TODAY }), checkedAt: '2025-03-01T10:00', date: TODAY });
    expect(scoreOf(sheet, 'I')).toBe('2 (*)');
    expect(scoreOf(sheet, '1')).toBe('2 (*)');
    expect(scoreOf(sheet, 'II')).toBe('4');
    expect(sheet.values.find((row) => row[1] === 'TỔNG CỘNG')?.[3]).toBe('6 (*)');
    const all = texts(sheet).join('\n');
    expect(all).toContain(`${DRAFT_MARK}: còn 3 lỗi chưa sửa, 3 tổng điểm ghi trong tệp khác tổng cộng lại (*)`);
    expect(all).toContain('ô D10 (tiêu chí I) ghi 2, cộng lại được 3; ô D11 (tiêu chí 1) ghi 2, cộng lại được 3; ô D21 (Tổng cộng) ghi 6, cộng lại được 7');
    // The marked cells are red.
    const markedRows = sheet.values.flatMap((row, i) => (typeof row[3] === 'string' && row[3].endsWith('(*)') ? [i] : []));
    for (const i of markedRows) {
      expect(sheet.styles?.some((s) => s.range.top === i && s.range.left === 3 && s.range.right === 3 && s.style.color === 'C00000')).toBe(true);
    }
  });

  it('a sheet whose typed totals are right prints them as they are, with no mark', async () => {
    const r = await read({});
    const sheet = scoreSheetFromReading(r, { findings: validateReading(r, { today: TODAY }), checkedAt: '2025-03-01T10:00', date: TODAY });
    expect([scoreOf(sheet, 'I'), scoreOf(sheet, '1'), sheet.values.find((row) => row[1] === 'TỔNG CỘNG')?.[3]]).toEqual(['3', '3', '7']);
    expect(texts(sheet).join('\n')).not.toContain('(*)');
    expect(texts(sheet).join('\n')).not.toContain(DRAFT_MARK);
  });

  it('chiso print refuses the file, naming every wrong total\'s cell, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-typed-totals-'));
    const file = join(dir, 'tu-cham.xlsx');
    const out = join(dir, 'phieu.pdf');
    writeFileSync(file, await workbook(wrong));
    const lines: string[] = [];
    const io = { out: (s: string) => void lines.push(s), err: (s: string) => void lines.push(s) };
    expect(await runPrint([file, '--out', out, '--today', TODAY], io)).toBe(1);
    expect(existsSync(out)).toBe(false);
    const said = lines.join('');
    for (const cell of ['D10', 'D11', 'D21']) expect(said).toMatch(new RegExp(`^  ${cell} Tổng điểm`, 'm'));
  });
});
