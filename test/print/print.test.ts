/**
 * The print command end to end: real workbooks made from the sample criteria set,
 * printed through runPrint (exceljs -> LibreOffice headless -> PDF), read back with
 * pdftotext and pdftoppm. PNGs of the first and last page of the sample are kept under
 * test-results/print/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../src/cli/args';
import type { Io } from '../../src/cli/io';
import { runPrint } from '../../src/cli/print';
import { flattenSet, type CriteriaSet, type CriterionNode } from '../../src/core/criteria';
import { checkCriteriaSet } from '../../src/core/criteriaSet';
import { formatNumber } from '../../src/core/format';
import { parseMethod } from '../../src/core/method';
import { planAnswers, type AnswerChange } from '../../src/workbook/answers';
import { contentHash, shortHash } from '../../src/workbook/contentHash';
import { DRAFT_MARK } from '../../src/workbook/print';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import { buildTemplate } from '../../src/workbook/template';
import { convertToPdf, PdfError } from '../../src/xlsx/pdf';
import { readWorkbookFile } from '../../src/xlsx/read';
import { applyPlanToFile, writeSpecToFile } from '../../src/xlsx/write';

jest.setTimeout(240_000);

const tmp = mkdtempSync(join(tmpdir(), 'chiso-print-test-'));
const ARTEFACTS = join(__dirname, '..', '..', 'test-results', 'print');
const NOW = new Date('2024-06-07T07:30:00Z'); // 14:30 in Việt Nam

const set = checkCriteriaSet(JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'criteria', 'so-2024.json'), 'utf8'))).set as CriteriaSet;
const leaves = flattenSet(set).filter((n) => !n.children?.length && n.scoredBy !== 'survey' && !n.bonus);

/** Lower scores the methods allow, so totals carry decimals: 1.6 "ban hành sau thời hạn" 0,5; 3.5 "từ 80%" 1. */
const LOWER: Record<string, number> = { '1.6': 0.5, '3.5': 1 };

function evidenceFor(n: CriterionNode, i: number): string {
  return `Kế hoạch số ${10 + i}/KH-STP ngày ${String((i % 27) + 1).padStart(2, '0')}/${(i % 4) + 1}/2024 của Sở Tư pháp (${n.name})`;
}

async function readingOf(path: string): Promise<UnitReading> {
  const r = readUnitWorkbook(await readWorkbookFile(path));
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return r;
}

/** The template of the sample set, then answers written into it as a unit would. */
async function makeWorkbook(name: string, changes: (reading: UnitReading) => AnswerChange[]): Promise<string> {
  const template = join(tmp, `template-${name}.xlsx`);
  await writeSpecToFile(buildTemplate(set, { name: 'Sở Tư pháp', level: 'so' }, { issuer: 'UBND TỈNH BẮC KẠN' }), template);
  const out = join(tmp, `${name}.xlsx`);
  await applyPlanToFile(template, planAnswers(await readingOf(template), changes(await readingOf(template))), out);
  return out;
}

const fullAnswers = (): AnswerChange[] =>
  leaves.map((n, i) => ({ code: n.code, selfScore: LOWER[n.code] ?? n.maxPoints, evidence: evidenceFor(n, i) }));

/** Half the rows answered; 1.2 scored above its maximum (an error). */
const partialAnswers = (): AnswerChange[] => [
  ...leaves.slice(0, Math.ceil(leaves.length / 2)).map((n, i) => ({ code: n.code, selfScore: n.maxPoints, evidence: evidenceFor(n, i) })),
  { code: '1.2', selfScore: 5, evidence: 'Báo cáo số 12/BC-STP ngày 15/3/2024 của Sở Tư pháp' },
];

function pdfPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function captureIo(): Io & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l), now: () => NOW };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('print: the checked sample', () => {
  let source: string;
  let pdf: string;
  let pages: string[];
  let before: string;

  beforeAll(async () => {
    source = await makeWorkbook('sample', fullAnswers);
    before = sha256(source);
    pdf = join(tmp, 'sample.pdf');
    const io = captureIo();
    const criteria = join(__dirname, '..', '..', 'data', 'criteria', 'so-2024.json');
    const code = await runPrint([source, '--out', pdf, '--today', '2024-06-07', '--place', 'Bắc Kạn', '--criteria', criteria], io);
    if (code !== 0) throw new Error(io.lines.join('\n'));
    pages = pdfPages(pdf);
    mkdirSync(ARTEFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(ARTEFACTS, 'sample-first')]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(pages.length), '-l', String(pages.length), pdf, join(ARTEFACTS, 'sample-last')]);
  });

  it('leaves the source workbook untouched', () => {
    expect(sha256(source)).toBe(before);
  });

  it('has several A4 pages, each numbered "Trang x/y" and each opening with the table header', () => {
    expect(pages.length).toBeGreaterThan(2);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    pages.forEach((p, i) => {
      expect(p).toContain(`Trang ${i + 1}/${pages.length}`);
      expect(p).toMatch(/STT\s+Tiêu chí, tiêu chí thành phần/);
      expect(p).toContain('Tài liệu kiểm chứng');
    });
  });

  it('has the administrative header and the title with the year, diacritics intact', () => {
    const first = pages[0];
    for (const text of ['UBND TỈNH BẮC KẠN', 'SỞ TƯ PHÁP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'PHIẾU TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024']) {
      expect(first).toContain(text);
    }
    for (const text of [`Bộ tiêu chí: ${set.title}`, 'BỘ TIÊU CHÍ MẪU']) {
      expect(squash(first)).toContain(text);
    }
  });

  it('is stamped as checked with the time and the short hash of the workbook, and is no draft', async () => {
    const hash = shortHash(contentHash(await readingOf(source)));
    expect(squash(pages[0])).toContain(`Đã kiểm tra lúc 14 giờ 30 ngày 07/6/2024, mã ${hash}`);
    for (const p of pages) expect(p).not.toContain(DRAFT_MARK);
  });

  it('prints every criterion once', () => {
    const all = pages.join('\n');
    for (const n of flattenSet(set)) {
      const escaped = n.code.replace(/\./g, '\\.');
      expect({ code: n.code, count: (all.match(new RegExp(`^\\s*${escaped}\\s`, 'gm')) ?? []).length }).toEqual({ code: n.code, count: 1 });
    }
  });

  it('ends with totals, the index, the date line and both signature blocks on the last page', () => {
    const last = squash(pages[pages.length - 1]);
    const selfTotal = leaves.reduce((s, n) => s + (LOWER[n.code] ?? n.maxPoints), 0);
    const max = set.fields.reduce((s, f) => s + f.maxPoints, 0);
    expect(last).toMatch(new RegExp(`TỔNG CỘNG ${formatNumber(max)} ${formatNumber(selfTotal)}`));
    expect(formatNumber(selfTotal)).toContain(',');
    expect(last).toContain(`CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (%) ${formatNumber(Math.round((selfTotal / max) * 10000) / 100)}%`);
    expect(last).toContain('Bắc Kạn, ngày 07 tháng 6 năm 2024');
    expect(last).toMatch(/NGƯỜI LẬP BIỂU THỦ TRƯỞNG ĐƠN VỊ/);
    expect(last).toContain('(Ký, ghi rõ họ tên)');
    expect(last).toContain('(Ký, ghi rõ họ tên, đóng dấu)');
    for (const p of pages.slice(0, -1)) expect(p).not.toContain('TỔNG CỘNG');
  });

  it('writes field totals and maximums with a decimal comma', () => {
    const all = squash(pages.join('\n'));
    const field1 = leaves.filter((n) => n.code.startsWith('1.')).reduce((s, n) => s + (LOWER[n.code] ?? n.maxPoints), 0);
    // The name wraps: its last words may follow the figures on the line below.
    expect(all).toMatch(new RegExp(`1 Công tác chỉ đạo, điều hành cải cách (hành chính )?11 ${formatNumber(field1)} `));
    expect(formatNumber(field1)).toMatch(/^\d+,5$/);
    const selfTotal = leaves.reduce((s, n) => s + (LOWER[n.code] ?? n.maxPoints), 0);
    expect(all).not.toContain(String(selfTotal)); // "70.5" would be the English way
  });

  it('keeps the first and last page as PNG', () => {
    const pngs = readdirSync(ARTEFACTS).filter((f) => f.startsWith('sample-') && f.endsWith('.png'));
    expect(pngs.some((f) => f.startsWith('sample-first'))).toBe(true);
    expect(pngs.some((f) => f.startsWith('sample-last'))).toBe(true);
  });
});

describe('print: a partly filled workbook with errors', () => {
  let source: string;

  beforeAll(async () => {
    source = await makeWorkbook('partial', partialAnswers);
  });

  it('refuses without --draft: exit 1, the errors listed, nothing written', async () => {
    const out = join(tmp, 'partial.pdf');
    const io = captureIo();
    expect(await runPrint([source, '--out', out, '--today', '2024-06-07'], io)).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(io.lines.join('\n')).toMatch(/còn \d+ lỗi, không in phiếu chấm điểm/);
    expect(io.lines.join('\n')).toContain('1.2');
  });

  it('says the same in English with --lang en, and nothing in Vietnamese', async () => {
    const out = join(tmp, 'partial-en.pdf');
    const io = captureIo();
    expect(await runPrint([source, '--out', out, '--today', '2024-06-07', '--lang', 'en'], io)).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(io.lines.join('')).toMatch(/\d+ error\(s\); no score sheet printed/);
    expect(io.lines.join('')).not.toMatch(/còn \d+ lỗi/);
  });

  it('prints a draft with --draft, marked on every page, with no checked stamp', async () => {
    const before = sha256(source);
    const out = join(tmp, 'partial-draft.pdf');
    const io = captureIo();
    expect(await runPrint([source, '--out', out, '--draft', '--today', '2024-06-07', '--place', 'Bắc Kạn'], io)).toBe(0);
    const pages = pdfPages(out);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toContain(DRAFT_MARK);
    expect(pages.join('\n')).not.toContain('Đã kiểm tra lúc');
    expect(squash(pages[0])).toMatch(new RegExp(`${DRAFT_MARK}: còn \\d+ lỗi chưa sửa`));
    expect(sha256(source)).toBe(before);
    mkdirSync(ARTEFACTS, { recursive: true });
    copyFileSync(out, join(ARTEFACTS, 'partial-draft.pdf'));
  });
});

describe('convertToPdf', () => {
  it('says in Vietnamese how to install LibreOffice when soffice is missing', async () => {
    const xlsx = join(tmp, 'any.xlsx');
    await writeSpecToFile({ sheets: [{ name: 'A', values: [['x']] }] }, xlsx);
    const err = await convertToPdf(xlsx, join(tmp, 'any.pdf'), { soffice: join(tmp, 'no-such-soffice') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfError);
    expect((err as PdfError).kind).toBe('tool-missing');
    expect((err as PdfError).text('vi')).toContain('libreoffice-calc-nogui');
    expect(existsSync(join(tmp, 'any.pdf'))).toBe(false);
  });

  it('reports a missing input file by name', async () => {
    const err = await convertToPdf(join(tmp, 'missing.xlsx'), join(tmp, 'm.pdf')).catch((e: unknown) => e);
    expect((err as PdfError).kind).toBe('input-missing');
    expect((err as PdfError).text('vi')).toContain('"missing.xlsx"');
  });

  it('stops soffice at the time limit', async () => {
    const xlsx = join(tmp, 'slow.xlsx');
    await writeSpecToFile({ sheets: [{ name: 'A', values: [['x']] }] }, xlsx);
    const err = await convertToPdf(xlsx, join(tmp, 'slow.pdf'), { timeoutMs: 50 }).catch((e: unknown) => e);
    expect((err as PdfError).kind).toBe('timeout');
  });
});

it('the lowered sample scores are allowed by their methods', () => {
  for (const [code, value] of Object.entries(LOWER)) {
    const n = flattenSet(set).find((x) => x.code === code) as CriterionNode;
    const allowed = parseMethod(n.method, n.maxPoints, n.code).method.allowed;
    expect({ code, ok: allowed.kind === 'set' ? allowed.values.includes(value) : value >= allowed.min && value <= allowed.max }).toEqual({ code, ok: true });
  }
});

describe('print: arguments through the shared parser', () => {
  it.each([
    [['--out', 'x.pdf'], /Cần đúng một tệp/],
    [['a.xlsx', 'b.xlsx', '--out', 'x.pdf'], /Exactly one self-scoring workbook/],
    [['a.xlsx'], /Thiếu tùy chọn bắt buộc --out/],
    [['a.xlsx', '--out', 'x.pdf', '--today', '2024-02-30'], /--today must be a date YYYY-MM-DD/],
    [['a.xlsx', '--out', 'x.pdf', '--colour'], /Unknown option: --colour/],
  ])('%j is a usage error (exit 2, with the help) before any file is read', async (args, text) => {
    const io = captureIo();
    const got = runPrint(args, io);
    await expect(got).rejects.toBeInstanceOf(UsageError);
    await expect(got).rejects.toThrow(expect.objectContaining({ vi: expect.any(String), en: expect.any(String) }));
    const e = (await got.catch((x: unknown) => x)) as UsageError;
    expect(e.text('vi')).toMatch(text);
    expect(io.lines).toEqual([]);
  });
});
