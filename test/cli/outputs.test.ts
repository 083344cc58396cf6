/**
 * Issue 11 §2 and §4: an output never replaces an input (through a link or a hard link
 * included), carries the expected extension, and an output that cannot be written is one
 * clear line naming the path and what to do, exit 2, no stack trace, no temporary file.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../../src/cli/args';
import { ioErrorText } from '../../src/cli/io';
import { guardOutputs, type Output } from '../../src/cli/outputs';
import { writeSpecToFile } from '../../src/xlsx/write';
import { sha256 } from '../xlsx/helpers';

const ROOT = resolve(__dirname, '../..');
const SET = join(ROOT, 'data/criteria/so-2024.json');
const SAMPLE = join(ROOT, 'data/samples/so-tu-phap-2024.xlsx');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const tmp = mkdtempSync(join(tmpdir(), 'chiso-outputs-'));

async function chiso(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [join(ROOT, 'src/cli/main.ts'), ...args], { cwd: tmp });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const xlsxOut = (path: string, existing: Output['existing'] = 'replace'): Output => ({ path, option: '--out', ext: '.xlsx', existing });
const refusal = (f: () => void): UsageError => {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('guardOutputs', () => {
  const input = join(tmp, 'don-vi.xlsx');
  beforeAll(() => copyFileSync(SAMPLE, input));

  it('refuses an output that is an input, by its path, a symlink or a hard link', () => {
    symlinkSync(input, join(tmp, 'lien-ket.xlsx'));
    linkSync(input, join(tmp, 'cung-inode.xlsx'));
    for (const out of [input, join(tmp, 'lien-ket.xlsx'), join(tmp, 'cung-inode.xlsx'), join(tmp, '.', 'don-vi.xlsx')]) {
      const e = refusal(() => guardOutputs([xlsxOut(out)], [input]));
      expect(e.vi).toContain(`chính là tệp đầu vào ${input}`);
      expect(e.en).toContain(`is the input ${input}`);
    }
  });

  it('refuses a file inside a folder given as input (a criteria folder)', () => {
    const dir = join(tmp, 'bo-tieu-chi');
    mkdirSync(dir);
    copyFileSync(SAMPLE, join(dir, 'bieu-mau.xlsx'));
    expect(refusal(() => guardOutputs([xlsxOut(join(dir, 'bieu-mau.xlsx'))], [dir])).en).toMatch(/is the input/);
  });

  it('requires the extension, a file name, an existing writable folder, a short name', () => {
    expect(refusal(() => guardOutputs([xlsxOut(join(tmp, 'a.pdf'))], [])).en).toBe(`--out: the output must be a file name ending in .xlsx (got "${join(tmp, 'a.pdf')}").`);
    expect(refusal(() => guardOutputs([xlsxOut(join(tmp, 'khong-co', 'a.xlsx'))], [])).vi).toBe(`--out: thư mục ${join(tmp, 'khong-co')} không tồn tại; hãy tạo thư mục trước hoặc chọn nơi ghi khác.`);
    mkdirSync(join(tmp, 'thu-muc.xlsx'));
    expect(refusal(() => guardOutputs([xlsxOut(join(tmp, 'thu-muc.xlsx'))], [])).en).toMatch(/is a folder; give a file name/);
    expect(refusal(() => guardOutputs([xlsxOut(join(tmp, `${'a'.repeat(300)}.xlsx`))], [])).en).toMatch(/too long \(255 bytes at most\)/);
  });

  it('an existing output: replaced, or only with --force', () => {
    const out = join(tmp, 'co-san.xlsx');
    writeFileSync(out, 'x');
    expect(() => guardOutputs([xlsxOut(out)], [input])).not.toThrow();
    expect(refusal(() => guardOutputs([xlsxOut(out, { force: false })], [input])).en).toBe(`${out} already exists; use --force to overwrite it.`);
    expect(() => guardOutputs([xlsxOut(out, { force: true })], [input])).not.toThrow();
  });
});

describe('write failures are messages and leave no temporary file', () => {
  it('a folder where the file should go, a missing folder', async () => {
    const dir = join(tmp, 'ghi');
    mkdirSync(join(dir, 'la-thu-muc.xlsx'), { recursive: true });
    for (const out of [join(dir, 'la-thu-muc.xlsx'), join(dir, 'khong-co', 'a.xlsx')]) {
      const e = await writeSpecToFile({ sheets: [] }, out).then(() => undefined, (x: unknown) => x);
      expect((e as NodeJS.ErrnoException).path).toBe(out);
      expect(ioErrorText(e, 'vi')).toMatch(/^Lỗi: .*(là một thư mục; hãy ghi tên tệp|không tìm thấy .*kiểm tra lại đường dẫn)/);
      expect(ioErrorText(e, 'en')).toMatch(/^Error: /);
    }
    expect(readdirSync(dir)).toEqual(['la-thu-muc.xlsx']);
    expect(ioErrorText(new TypeError('Cannot set properties of undefined'), 'vi')).toBeUndefined();
  });
});

describe('the commands refuse, exit 2, and leave every input unchanged', () => {
  const unit = join(tmp, 'cli', 'so-tu-phap.xlsx');
  beforeAll(() => {
    mkdirSync(join(tmp, 'cli', 'nop'), { recursive: true });
    copyFileSync(SAMPLE, unit);
    copyFileSync(SAMPLE, join(tmp, 'cli', 'nop', 'so-tu-phap.xlsx'));
    symlinkSync(unit, join(tmp, 'cli', 'phieu.pdf'));
  });

  it.each([
    ['print X.xlsx --out X.xlsx', () => ['print', unit, '--out', unit], /--out: tệp kết quả phải là tên tệp có đuôi \.pdf/],
    ['print through a symlink named .pdf', () => ['print', unit, '--out', join(tmp, 'cli', 'phieu.pdf')], /chính là tệp đầu vào/],
    ['consolidate --out = --baseline', () => ['consolidate', join(tmp, 'cli', 'nop'), '--criteria', SET, '--baseline', unit, '--out', unit], /--out: tệp kết quả .* chính là tệp đầu vào/],
    ['template where writing is refused at run time (root may pass access checks)', () => ['template', '--criteria', SET, '--unit', 'Sở Tư pháp', '--out', '/sys/bieu-mau.xlsx'], /^Lỗi: không có quyền truy cập \/sys\/bieu-mau\.xlsx; chọn thư mục khác/],
    ['template into a missing folder', () => ['template', '--criteria', SET, '--unit', 'Sở Tư pháp', '--out', join(tmp, 'cli', 'khong-co', 'a.xlsx')], /thư mục .*khong-co không tồn tại/],
  ])('%s', async (_label, args, expected) => {
    const before = sha256(unit);
    const run = await chiso(...args());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(sha256(unit)).toBe(before);
    expect(sha256(join(tmp, 'cli', 'nop', 'so-tu-phap.xlsx'))).toBe(sha256(SAMPLE));
  }, 60_000);

  it('--lang en gives the English line only', async () => {
    const run = await chiso('request-explanation', unit, '--out', unit, '--lang', 'en');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^--out: the output .* is the input .*; choose another name/);
    expect(run.stderr.split('\n')[0]).not.toMatch(/tệp/);
  }, 60_000);
});
