/**
 * The consolidated report printed end to end: a generated province (planted faults) is
 * consolidated by the real command line with --print, the PDF is read back with pdftotext
 * and its first and last page kept as PNG under test-results/print/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatNumber } from '../../src/core/format';
import { generateProvince, type Province } from '../consolidate/province';
import { CHISO } from '../cli/chiso';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..');
const ARTEFACTS = join(ROOT, 'test-results', 'print');

interface CliUnit {
  unit: string | null;
  level: string | null;
  status: string;
  self: number | null;
  applicableMax: number | null;
  index: number | null;
  rank: number | null;
  grade: string | null;
}

let tmp: string;
let province: Province;
let pdf: string;
let pages: string[];
let units: CliUnit[];
let status: number | null;

const squash = (s: string) => s.replace(/\s+/g, ' ');
const pct = (n: number) => `${formatNumber(Math.round(n * 100) / 100)}%`;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'chiso-summary-print-'));
  province = await generateProvince(join(tmp, 'in'), 60);
  writeFileSync(join(tmp, 'units.json'), JSON.stringify(province.units));
  pdf = join(tmp, 'bao-cao.pdf');
  const r = spawnSync(
    CHISO[0],
    [...CHISO[1], 'consolidate', province.dir, '--criteria', 'data/criteria', '--out', join(tmp, 'tong-hop.xlsx'), '--units', join(tmp, 'units.json'), '--json', '--today', '2025-01-15', '--print', pdf, '--place', 'Bắc Kạn'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  status = r.status;
  if (r.stdout === '') throw new Error(r.stderr);
  units = (JSON.parse(r.stdout) as { units: CliUnit[] }).units;
  pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  mkdirSync(ARTEFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(ARTEFACTS, 'summary-first')]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(pages.length), '-l', String(pages.length), pdf, join(ARTEFACTS, 'summary-last')]);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ranked = () => units.filter((u) => u.rank !== null);

test('the run keeps its exit code (some files rejected) and the PDF is A4 over several pages', () => {
  expect(status).toBe(1);
  expect(pages.length).toBeGreaterThan(1);
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
});

test('the first page has the administrative header of Sở Nội vụ and the title, diacritics intact', () => {
  const first = pages[0];
  for (const text of ['UBND TỈNH BẮC KẠN', 'SỞ NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']) expect(first).toContain(text);
  expect(squash(first)).toContain('BÁO CÁO KẾT QUẢ TỔNG HỢP, XẾP HẠNG CHỈ SỐ CCHC NĂM 2024');
  expect(squash(first)).toContain(`Số đơn vị được xếp hạng: ${ranked().length};`);
});

test('every page repeats the table header and is numbered "Trang x/y"', () => {
  pages.forEach((p, i) => {
    // Header cells wrap on two lines: pdftotext interleaves their words.
    for (const word of ['Xếp', 'Đơn vị', 'Điểm tự', 'thẩm định', 'Xếp loại']) expect(p).toContain(word);
    expect(p).toContain(`Trang ${i + 1}/${pages.length}`);
  });
});

test('each ranked unit is printed once with its rank, self-score, applicable maximum, index (decimal comma) and grade', () => {
  const all = squash(pages.join('\n'));
  const plain = ranked().filter((u) => !/^[=+\-@]/.test(u.unit ?? '') && (u.unit ?? '').length <= 30);
  expect(plain.length).toBeGreaterThan(20);
  for (const u of plain) {
    const line = new RegExp(`(^| )${u.rank} ${escape(u.unit as string)} ${escape(formatNumber(u.self as number))} .*?${escape(`${formatNumber(u.applicableMax as number)} ${pct(u.index as number)} ${u.grade}`)}`);
    expect({ unit: u.unit, found: line.test(all) }).toEqual({ unit: u.unit, found: true });
  }
  expect(ranked().some((u) => pct(u.index as number).includes(','))).toBe(true);
  expect(all).not.toMatch(/\d\.\d+%/); // "85.25%" would be the English way
});

test('levels come in order: departments, districts, communes', () => {
  const all = squash(pages.join('\n'));
  const at = ['Sở, ban, ngành (', 'UBND cấp huyện (', 'UBND cấp xã ('].map((h) => all.indexOf(h));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
});

test('the rejected files, the duplicate unit and the missing units are listed after the ranking', () => {
  const all = squash(pages.join('\n'));
  const f = province.faults;
  const lists = all.slice(all.indexOf('Tệp bị từ chối (3):'));
  expect(all.indexOf('Tệp bị từ chối (3):')).toBeGreaterThan(all.indexOf('UBND cấp xã ('));
  for (const file of [f.corrupt, f.editedMax.file, f.oldVersion.file]) expect(lists).toContain(file);
  // Reasons worded for the department: where the edited maximum is, and what to ask of the unit.
  expect(lists).toMatch(/Trang "[^"]+", ô [A-Z]+\d+: Điểm tối đa của tiêu chí/);
  expect(lists).toContain('Đề nghị đơn vị chấm điểm trên biểu mẫu do Sở Nội vụ gửi');
  expect(all).toContain('Đơn vị nộp nhiều tệp, chưa xếp hạng (1):');
  expect(all).toContain(f.duplicate.unit);
  expect(lists).toContain('Đơn vị chưa có tệp hợp lệ (3):');
  expect(lists).toContain(`${f.missing} (`);
});

test('the date line and the director\'s signature block close the last page, and only it', () => {
  const last = squash(pages[pages.length - 1]);
  expect(last).toContain('Bắc Kạn, ngày 15 tháng 1 năm 2025');
  expect(last).toMatch(/NGƯỜI LẬP BIỂU GIÁM ĐỐC/);
  expect(last).toContain('(Ký, ghi rõ họ tên, đóng dấu)');
  for (const p of pages.slice(0, -1)) expect(p).not.toContain('GIÁM ĐỐC');
});

test('keeps the first and last page as PNG', () => {
  const pngs = readdirSync(ARTEFACTS);
  expect(pngs.some((f) => f.startsWith('summary-first') && f.endsWith('.png'))).toBe(true);
  expect(pngs.some((f) => f.startsWith('summary-last') && f.endsWith('.png'))).toBe(true);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
