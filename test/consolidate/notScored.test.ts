/**
 * Tester's F20: a unit sent back the template never scored. Real .xlsx made from the
 * bundled set's template: the blank one is rejected with a reason naming its sheet, column
 * and rows (not ranked at 0%), and reasons shown to Sở Nội vụ say where and what to ask
 * of the unit, not the unit officer's "fix cell ...".
 */
import type { UnitLevel } from '../../src/core/criteria';
import { consolidateSources, rejectedReasons } from '../../src/pipeline/consolidate';
import { buildTemplate } from '../../src/workbook/template';
import { writeSpecToBuffer } from '../../src/xlsx/write';
import { loadSet } from './province';

const LEVEL: UnitLevel = 'xa';
const set = loadSet(LEVEL);
const grades = [{ label: 'Tốt', labelEn: 'Good', minIndex: 0 }];
const selfCol = (values: unknown[][]) => values[7].indexOf('Điểm tự đánh giá');

/** The template of `unit`, with `score(row)` written in the self-score column of each leaf row it returns a value for. */
async function workbook(unit: string, score: (code: string, max: number) => number | undefined, edit?: (values: unknown[][]) => void) {
  const spec = buildTemplate(set, { name: unit, level: LEVEL });
  const values = spec.sheets[0].values as unknown[][];
  const col = selfCol(values);
  for (const row of values.slice(8)) {
    const code = row[0];
    const max = row[2];
    if (typeof code !== 'string' || typeof max !== 'number' || row[col] !== null) continue;
    const s = score(code, max);
    if (s !== undefined) row[col] = s;
  }
  edit?.(values);
  return { name: `${unit}.xlsx`, read: async () => new Uint8Array(await writeSpecToBuffer(spec)), sheet: spec.sheets[0].name, col };
}

const run = (sources: Awaited<ReturnType<typeof workbook>>[]) =>
  consolidateSources(sources, { sets: [set], grades, gradesSample: false, allowOtherVersions: false, today: '2025-01-15', lang: 'vi', sipasMode: 'points' });

test('a template never scored is rejected with where it is blank; a sheet scored 0 is ranked', async () => {
  const blank = await workbook('UBND xã Chưa Chấm', () => undefined);
  const zero = await workbook('UBND xã Toàn Không', () => 0);
  const full = await workbook('UBND xã Đầy Đủ', (_c, max) => max);
  const result = await run([blank, zero, full]);
  const c = result.consolidation;
  expect(c.rejected.map((r) => r.file)).toEqual([blank.name]);
  expect(c.rejected[0].reasons.map((f) => f.code)).toEqual(['UNIT_NOT_SCORED']);
  expect(c.units.map((u) => [u.file, u.rank])).toEqual([[full.name, 1], [zero.name, 2]]);

  const [reason] = rejectedReasons(c)[0].reasons;
  expect(reason.vi).toMatch(new RegExp(`ô điểm tự đánh giá ở trang "${blank.sheet}" \\(cột [A-Z]+, dòng \\d+ đến \\d+\\) đều trống`));
  expect(reason.vi).toContain('Đề nghị đơn vị chấm điểm các tiêu chí rồi gửi lại tệp');
  expect(reason.en).toContain('Ask the unit to score the criteria and send the file again');
});

test('a rejection reason names the sheet and cell and asks the unit to send the file again', async () => {
  let at = '';
  const edited = await workbook('UBND xã Sửa Điểm', (_c, max) => max, (values) => {
    const r = values.findIndex((row, i) => i >= 8 && typeof row[2] === 'number' && row[values[7].indexOf('Điểm tự đánh giá')] !== null);
    values[r][2] = (values[r][2] as number) + 1;
    at = `C${r + 1}`;
  });
  const c = (await run([edited])).consolidation;
  const reasons = rejectedReasons(c)[0].reasons;
  const max = reasons.find((x) => x.vi.includes('Điểm tối đa'));
  expect(max?.vi).toMatch(new RegExp(`^Trang "${edited.sheet}", ô ${at}: Điểm tối đa của tiêu chí [\\d.]+ là .* Đề nghị đơn vị chấm điểm trên biểu mẫu do Sở Nội vụ gửi .*gửi lại tệp\\.$`));
  expect(max?.en).toMatch(new RegExp(`^Sheet "${edited.sheet}", cell ${at}: .*Ask the unit .*send the file again\\.$`));
  for (const x of reasons) expect(x.vi).not.toMatch(/Không sửa điểm tối đa;|hãy sửa/);
});
