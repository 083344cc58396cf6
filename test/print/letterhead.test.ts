/**
 * A score sheet whose letterhead would print the placeholder "TÊN CƠ QUAN, TỔ CHỨC CHỦ
 * QUẢN" (a template made without --issuer, or no parent authority found) is still
 * printed, with a warning saying where to type the parent authority: the pane's "In
 * phiếu" names the cell, the CLI's print the cell and --issuer.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../../src/cli/io';
import { runPrint } from '../../src/cli/print';
import type { CriteriaSet } from '../../src/core/criteria';
import { checkCriteriaSet } from '../../src/core/criteriaSet';
import { buildPrintSheet } from '../../src/taskpane/print/printSheet';
import { parentAuthority } from '../../src/workbook/letterhead';
import { GENERIC_ISSUER } from '../../src/workbook/letterhead';
import { isPlaceholderIssuer, SCORE_SHEET } from '../../src/workbook/print';
import { readUnitWorkbook, validateReading } from '../../src/workbook/read';
import { buildTemplate, type TemplateOptions } from '../../src/workbook/template';
import { writeSpecToFile } from '../../src/xlsx/write';
import { gridOfSpec } from '../workbook/grids';

jest.setTimeout(120_000);

const set = checkCriteriaSet(JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'criteria', 'xa-2024.json'), 'utf8'))).set as CriteriaSet;
const UNIT = { name: 'UBND xã Dương Quang', level: 'xa' as const };
const TODAY = '2024-12-20';

test('the placeholder is told apart from a parent authority, whatever its case and spaces', () => {
  expect(isPlaceholderIssuer(undefined)).toBe(true);
  expect(isPlaceholderIssuer(GENERIC_ISSUER)).toBe(true);
  expect(isPlaceholderIssuer(' Tên cơ quan, tổ chức chủ quản ')).toBe(true);
  expect(isPlaceholderIssuer('UBND HUYỆN BẠCH THÔNG')).toBe(false);
});

describe('"In phiếu" (the pane)', () => {
  const printed = (opts: TemplateOptions) => {
    const grid = gridOfSpec(buildTemplate(set, UNIT, opts));
    const reading = readUnitWorkbook(grid);
    if (!reading.ok) throw new Error(JSON.stringify(reading.findings));
    const issuer = parentAuthority(grid.sheets.find((s) => s.name === reading.sheet));
    return { reading, built: buildPrintSheet(reading, validateReading(reading, { today: TODAY }), TODAY, new Date('2024-12-20T03:00:00Z'), issuer !== undefined ? { issuer } : {}) };
  };

  test('a template made without --issuer: the sheet is built, and the cell holding the placeholder is named', () => {
    const { reading, built } = printed({});
    expect(built.spec.values[0][0]).toBe(GENERIC_ISSUER);
    expect(built.letterhead).toEqual({ sheet: reading.sheet, cell: 'A1', again: true });
  });

  test('a table naming no parent authority (its first cell blank or the national motto): the printed sheet\'s own cell is named', () => {
    const { reading } = printed({});
    const built = buildPrintSheet(reading, validateReading(reading, { today: TODAY }), TODAY, new Date('2024-12-20T03:00:00Z'));
    expect(built.spec.values[0][0]).toBe(GENERIC_ISSUER);
    expect(built.letterhead).toEqual({ sheet: SCORE_SHEET, cell: 'A1', again: false });
  });

  test('a template made with --issuer: no warning', () => {
    const { built } = printed({ issuer: 'UBND HUYỆN BẠCH THÔNG' });
    expect(built.spec.values[0][0]).toBe('UBND HUYỆN BẠCH THÔNG');
    expect(built.letterhead).toBeUndefined();
  });
});

describe('chiso print', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'chiso-letterhead-'));
  const captureIo = (): Io & { out: (l: string) => void; outs: string[]; errs: string[] } => {
    const outs: string[] = [];
    const errs: string[] = [];
    return { outs, errs, out: (l) => outs.push(l), err: (l) => errs.push(l), now: () => new Date('2024-12-20T03:00:00Z') };
  };

  const source = join(tmp, 'duong-quang.xlsx');
  beforeAll(() => writeSpecToFile(buildTemplate(set, UNIT), source));

  test('warns on stderr that the letterhead is the placeholder, names the cell and --issuer, and still prints', async () => {
    const out = join(tmp, 'phieu.pdf');
    const io = captureIo();
    expect(await runPrint([source, '--out', out, '--today', TODAY, '--draft'], io)).toBe(0);
    expect(existsSync(out)).toBe(true);
    const warning = io.errs.join('');
    expect(warning).toContain(`duong-quang.xlsx: góc trái phiếu in ghi chữ mẫu "${GENERIC_ISSUER}"`);
    expect(warning).toMatch(/vào ô '[^']+'!A1 của bảng, hoặc in lại với --issuer/);
    const en = captureIo();
    expect(await runPrint([source, '--out', out, '--today', TODAY, '--draft', '--lang', 'en'], en)).toBe(0);
    expect(en.errs.join('')).toMatch(/the letterhead reads the placeholder .* Type the parent authority in cell '[^']+'!A1, or print again with --issuer/);
  });

  test('no warning once --issuer names the parent authority', async () => {
    const io = captureIo();
    expect(await runPrint([source, '--out', join(tmp, 'phieu-2.pdf'), '--today', TODAY, '--draft', '--issuer', 'UBND HUYỆN BẠCH THÔNG'], io)).toBe(0);
    expect(io.errs).toEqual([]);
  });
});
