/**
 * `chiso consolidate` on args.ts and the Io of io.ts, as every other command: the report
 * and the JSON go to `io.out`, progress and input problems to `io.err`, nothing to the
 * process's own streams; a wrong argument is args.ts's UsageError (main.ts prints it with
 * the help, exit 2), the same flags as before.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../../src/cli/args';
import { CONSOLIDATE_HELP, runConsolidate } from '../../src/cli/consolidate';
import type { Io } from '../../src/cli/io';
import { encodeWindows1258 } from '../text/windows1258';
import { CHISO } from './chiso';

const ROOT = resolve(__dirname, '../..');
const SET = join(ROOT, 'data/criteria/so-2024.json');
const SAMPLE = join(ROOT, 'data/samples/so-tu-phap-2024.xlsx');
let tmp: string;
let dir: string;

function capture(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
    now: () => new Date(2025, 0, 15),
  };
  return io;
}

let processOut: jest.SpyInstance;
let processErr: jest.SpyInstance;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'chiso-consolidate-io-'));
  dir = join(tmp, 'nop');
  mkdirSync(dir);
  copyFileSync(SAMPLE, join(dir, 'so-tu-phap.xlsx'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeEach(() => {
  processOut = jest.spyOn(process.stdout, 'write');
  processErr = jest.spyOn(process.stderr, 'write');
});
afterEach(() => {
  // Everything went through the Io.
  expect(processOut).not.toHaveBeenCalled();
  expect(processErr).not.toHaveBeenCalled();
  processOut.mockRestore();
  processErr.mockRestore();
});

describe('chiso consolidate through the Io', () => {
  it('writes the text report on io.out and progress on io.err; the exit code follows the consolidation', async () => {
    const io = capture();
    const out = join(tmp, 'tong-hop.xlsx');
    const code = await runConsolidate([dir, '--criteria', SET, '--out', out], io);
    // The sample's maximum of 2.4 was edited: rejected, nothing usable, exit 2.
    expect(code).toBe(2);
    expect(io.stderr).toBe('Tệp 1/1: so-tu-phap.xlsx\n');
    expect(io.stdout).toMatch(/^Đã xếp hạng: 0; bị từ chối: 1; trùng tệp: 0; chưa nộp: 0\.\nso-tu-phap\.xlsx:\n {2}- Trang "Tự chấm điểm", ô C35: Điểm tối đa của tiêu chí 2\.4 .* Đề nghị đơn vị .* gửi lại tệp\.\n/);
    expect(io.stdout.endsWith(`Đã ghi: ${out}\n`)).toBe(true);
    expect(existsSync(out)).toBe(true);
  }, 60_000);

  it('prints exactly one JSON document with --json, in English with --lang en', async () => {
    const io = capture();
    const code = await runConsolidate([dir, '--criteria', SET, '--out', join(tmp, 'b.xlsx'), '--json', '--lang', 'en', '--today', '2025-01-15'], io);
    expect(code).toBe(2);
    const json = JSON.parse(io.stdout) as { rejected: { file: string; reasons: { code: string; message: string }[] }[] };
    expect(io.stdout.trim().split('\n')).toHaveLength(1);
    expect(json.rejected).toEqual([expect.objectContaining({ file: 'so-tu-phap.xlsx' })]);
    expect(json.rejected[0].reasons[0].message).toMatch(/^The maximum of criterion 2\.4/);
  }, 60_000);

  it('reads last year\'s results saved by Excel on a Vietnamese Windows (CSV in code page 1258)', async () => {
    const csv = join(tmp, 'ket-qua-2023.csv');
    writeFileSync(csv, encodeWindows1258(readFileSync(join(ROOT, 'data/samples/ket-qua-2023-so-tu-phap.csv'), 'utf8').replace(/\n/g, '\r\n')));
    const io = capture();
    await runConsolidate([dir, '--criteria', SET, '--out', join(tmp, 'e.xlsx'), '--baseline', csv], io);
    // Read as UTF-8, the header line was garbage ("mã tiêu chí "Ma� ti�u ch�" không hợp lệ").
    expect(io.stderr).toBe('Tệp 1/1: so-tu-phap.xlsx\n');
  }, 60_000);

  it('says with the results whether last year\'s results were used and which lines were not (F24)', async () => {
    const csv = join(tmp, 'nam-truoc.csv');
    writeFileSync(csv, 'Đơn vị,Mã tiêu chí,Điểm\nSở Tư pháp,1.1,1\nSở Không Có,1.1,1\nSở Tư pháp,1.2,không rõ\n');
    const io = capture();
    await runConsolidate([dir, '--criteria', SET, '--out', join(tmp, 'f.xlsx'), '--baseline', csv, '--today', '2025-01-15'], io);
    expect(io.stderr).toBe('Tệp 1/1: so-tu-phap.xlsx\n');
    expect(io.stdout).toContain(
      [
        'Kết quả năm trước nam-truoc.csv: dùng cho 0 đơn vị (tệp có kết quả của 2 đơn vị). Các dòng không được dùng:',
        '  - nam-truoc.csv:4: điểm "không rõ" không phải số không âm',
        '  - nam-truoc.csv:3: đơn vị "Sở Không Có" không có trong danh sách đơn vị và không có tệp nào được tổng hợp, nên các dòng này không được dùng. Kiểm tra tên đơn vị trong tệp kết quả năm trước.',
      ].join('\n'),
    );
    const json = capture();
    await runConsolidate([dir, '--criteria', SET, '--out', join(tmp, 'g.xlsx'), '--baseline', csv, '--json', '--lang', 'en', '--today', '2025-01-15'], json);
    expect((JSON.parse(json.stdout) as { baseline: unknown }).baseline).toEqual({ file: 'nam-truoc.csv', units: 2, used: 0, skipped: [expect.stringMatching(/^nam-truoc\.csv:4: /), expect.stringMatching(/^nam-truoc\.csv:3: unit "Sở Không Có"/)] });
  }, 60_000);

  it('answers --help and -h on io.out, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const io = capture();
      expect(await runConsolidate([flag], io)).toBe(0);
      expect(io.stdout).toBe(CONSOLIDATE_HELP);
      expect(io.stderr).toBe('');
    }
  });

  it('reports an unusable input (a grade file that is not JSON) in both languages on io.err, exit 2', async () => {
    const grades = join(tmp, 'xep-loai.json');
    writeFileSync(grades, '{ khong phai json');
    const io = capture();
    expect(await runConsolidate([dir, '--criteria', SET, '--out', join(tmp, 'c.xlsx'), '--grades', grades], io)).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr).toMatch(/xep-loai\.json/);
    expect(io.stderr.trim().split('\n').length).toBeGreaterThanOrEqual(2);
    expect(existsSync(join(tmp, 'c.xlsx'))).toBe(false);
  });

  it.each([
    ['no unit files', ['--criteria', SET, '--out', 'a.xlsx'], /Thiếu thư mục hoặc tệp \.xlsx/, /Missing the folder/],
    ['no --criteria', ['nop', '--out', 'a.xlsx'], /--criteria/, /Missing required option --criteria/],
    ['no --out', ['nop', '--criteria', SET], /--out/, /Missing required option --out/],
    ['an unknown option', ['nop', '--criteria', SET, '--out', 'a.xlsx', '--bogus'], /Tùy chọn không hợp lệ: --bogus/, /Unknown option: --bogus/],
    ['a --sipas-mode that is neither points nor relative', ['nop', '--criteria', SET, '--out', 'a.xlsx', '--sipas-mode', 'percent'], /--sipas-mode/, /use one of: points, relative/],
    ['a --today that is not a date', ['nop', '--criteria', SET, '--out', 'a.xlsx', '--today', '15/01/2025'], /YYYY-MM-DD/, /must be a date/],
    ['a --jobs that is not a whole number from 1', ['nop', '--criteria', SET, '--out', 'a.xlsx', '--jobs', '0'], /--jobs phải là số nguyên từ 1/, /whole number from 1/],
    ['a --print that is not a .pdf', ['nop', '--criteria', SET, '--out', 'a.xlsx', '--print', 'bao-cao.docx'], /--print: .*\.pdf/, /--print: the output must be a file name ending in \.pdf/],
    ['a criteria file that cannot be read', ['nop', '--criteria', 'khong-co.json', '--out', 'a.xlsx'], /khong-co\.json/, /khong-co\.json/],
  ])('refuses %s with a UsageError in both languages, before writing anything', async (_what, args, vi, en) => {
    const io = capture();
    const e = await runConsolidate(args.map((a) => (a === 'nop' ? dir : a.endsWith('.xlsx') || a.endsWith('.docx') ? join(tmp, a) : a)), io).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).vi).toMatch(vi);
    expect((e as UsageError).en).toMatch(en);
    expect(io.stdout).toBe('');
    expect(existsSync(join(tmp, 'a.xlsx'))).toBe(false);
  });
});

describe('chiso consolidate as a process', () => {
  beforeEach(() => {
    // This block spawns the CLI; its own output is not the test process's.
    processOut.mockRestore();
    processErr.mockRestore();
    processOut = jest.spyOn({ write: () => true }, 'write');
    processErr = jest.spyOn({ write: () => true }, 'write');
  });

  it('a wrong argument: the message in both languages, then the help, exit 2', async () => {
    const r = await promisify(execFile)(CHISO[0], [...CHISO[1], 'consolidate', dir, '--criteria', SET, '--out', join(tmp, 'd.xlsx'), '--jobs', 'nhieu'], { cwd: ROOT }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`--jobs phải là số nguyên từ 1 (nhận được "nhieu").\n--jobs must be a whole number from 1 (got "nhieu").\n\n${CONSOLIDATE_HELP}`);
  }, 120_000);
});
