/**
 * Issue 11 §3: links the reader cannot see. Hyperlinks behind evidence cells and
 * HYPERLINK() formulas are checked with the rules of typed links; survey rows too.
 * The hostile workbook is the sample with links put in by exceljs, as Excel stores them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { lookupCriteria } from '../../src/core/criteriaSet';
import { readUnitWorkbook, validateReading, type UnitReading } from '../../src/workbook/read';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { sha256 } from '../xlsx/helpers';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'data/samples/so-tu-phap-2024.xlsx');
const tmp = mkdtempSync(join(tmpdir(), 'chiso-links-'));

async function readingOf(buf: Buffer): Promise<UnitReading> {
  const r = readUnitWorkbook(await readWorkbookBuffer(buf, 'don-vi.xlsx'), { file: 'don-vi.xlsx' });
  if (!r.ok) throw new Error('no table');
  return r;
}

let path: string;
let rows: { self: number; survey: number; formula: number; privateRow: number };
let evidenceCol: number;

beforeAll(async () => {
  const base = await readingOf(readFileSync(SAMPLE));
  evidenceCol = base.layout.columns.evidence! + 1;
  const leaves = lookupCriteria(base.set).nodes.filter((n) => n.isLeaf);
  const self = leaves.filter((n) => n.scoredBy === 'self');
  const survey = leaves.find((n) => n.scoredBy === 'survey');
  if (!survey) throw new Error('the sample has no survey row');
  rows = { self: self[0].node.row!, survey: survey.node.row!, formula: self[1].node.row!, privateRow: self[2].node.row! };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(base.sheet)!;
  ws.getCell(rows.self, evidenceCol).value = { text: 'Kế hoạch số 15/KH-STP ngày 20/01/2024', hyperlink: 'javascript:alert(document.cookie)' };
  ws.getCell(rows.survey, evidenceCol).value = { text: 'Khảo sát https://backan.gov.vn/khao-sat', hyperlink: 'file:///C:/Windows/System32/calc.exe' };
  ws.getCell(rows.formula, evidenceCol).value = { formula: 'HYPERLINK("https://evil.example\\@backan.gov.vn/","https://backan.gov.vn/")', result: 'https://backan.gov.vn/' };
  ws.getCell(rows.privateRow, evidenceCol).value = { text: 'https://vbdh.backan.gov.vn/vb/15', hyperlink: 'http://192.168.10.5/vb/15' };
  path = join(tmp, 'don-vi.xlsx');
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
});

describe('hyperlinks behind cells are evidence', () => {
  let found: ReturnType<typeof validateReading>;
  beforeAll(async () => {
    found = validateReading(await readingOf(readFileSync(path)), { today: '2025-01-15' });
  });
  const at = (row: number) => found.filter((f) => f.row === row && f.code.startsWith('LINK_'));

  it('a javascript: target behind a document number is an error, naming the shown text', () => {
    const [f] = at(rows.self);
    expect(f).toMatchObject({ code: 'LINK_INVALID', severity: 'error', params: { link: 'javascript:alert(document.cookie)' } });
    expect(f.params.reason).toContain('siêu liên kết ẩn sau chữ "Kế hoạch số 15/KH-STP ngày 20/01/2024"');
  });

  it('a file: target on a survey row is an error too', () => {
    expect(at(rows.survey).map((f) => f.code)).toContain('LINK_INVALID');
    expect(at(rows.survey).find((f) => f.code === 'LINK_INVALID')?.params.reason).toContain('người khác không mở được');
  });

  it('a HYPERLINK() formula with a backslash trick is refused', () => {
    expect(at(rows.formula)).toEqual([expect.objectContaining({ code: 'LINK_INVALID', params: expect.objectContaining({ link: 'https://evil.example\\@backan.gov.vn/' }) })]);
  });

  it('a private target is a warning, and a target other than the link shown is said', () => {
    expect(at(rows.privateRow).map((f) => f.code).sort()).toEqual(['LINK_PRIVATE', 'LINK_TARGET_DIFFERS']);
    expect(at(rows.privateRow).every((f) => f.severity === 'warning')).toBe(true);
  });
});

describe('chiso validate on the hostile workbook', () => {
  it('exits 1 with the messages, the file unchanged', async () => {
    const before = sha256(path);
    const run = await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/main.ts'), 'validate', path, '--lang', 'en', '--today', '2025-01-15'], { cwd: ROOT }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect((run as { code?: number }).code).toBe(1);
    expect(run.stdout).toContain('the hyperlink behind the text "Kế hoạch số 15/KH-STP ngày 20/01/2024": a javascript: link can run code');
    expect(run.stdout).toContain('only people inside that network can open it');
    expect(sha256(path)).toBe(before);
  }, 60_000);
});
