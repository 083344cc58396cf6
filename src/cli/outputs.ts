/**
 * Before a command writes anything: an output never replaces what the user gave us. Every
 * output is compared with every input after resolving links (realpath, and the same
 * device and inode where the file exists), must carry the expected extension, and its
 * folder must exist and be writable. Workbooks people fill in (template,
 * request-explanation) are replaced only with --force; reports derived from the inputs
 * (print, consolidate) are regenerated over their previous output. docs/cli.md says so.
 */
import { accessSync, constants, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './args';

export interface Output {
  /** As the user wrote it (messages quote it). */
  path: string | undefined;
  /** The option that named it, for messages: `--out`, `--print`. */
  option: string;
  ext: '.pdf' | '.xlsx';
  /** What to do when the file exists: replace it, or only with --force. */
  existing: 'replace' | { force: boolean };
}

/** Throws a UsageError (exit 2, both languages) when an output is unsafe to write. Inputs may be folders. */
export function guardOutputs(outputs: Output[], inputs: readonly (string | undefined)[]): void {
  const files = inputs.flatMap((p) => (p === undefined ? [] : expand(p)));
  for (const o of outputs) {
    if (o.path !== undefined) guardOne(o as Output & { path: string }, files);
  }
}

function guardOne(o: Output & { path: string }, inputs: string[]): void {
  const out = o.path;
  if (!out.toLowerCase().endsWith(o.ext) || basename(out).length === o.ext.length) {
    throw new UsageError(`${o.option}: tệp kết quả phải là tên tệp có đuôi ${o.ext} (nhận được "${out}").`, `${o.option}: the output must be a file name ending in ${o.ext} (got "${out}").`);
  }
  const stat = statOf(out);
  if (stat?.isDirectory()) {
    throw new UsageError(`${o.option}: ${out} là một thư mục; hãy ghi tên tệp, ví dụ ${join(out, `ket-qua${o.ext}`)}.`, `${o.option}: ${out} is a folder; give a file name, e.g. ${join(out, `result${o.ext}`)}.`);
  }
  const real = realOutput(out);
  for (const input of inputs) {
    const inStat = statOf(input);
    const same = (stat && inStat && stat.dev === inStat.dev && stat.ino === inStat.ino) || realPath(input) === real;
    if (same) {
      throw new UsageError(
        `${o.option}: tệp kết quả ${out} chính là tệp đầu vào ${input}; chọn tên khác để không ghi đè tệp bạn đã đưa vào.`,
        `${o.option}: the output ${out} is the input ${input}; choose another name so that your input is not overwritten.`,
      );
    }
  }
  if (Buffer.byteLength(basename(out)) > 255) {
    throw new UsageError(`${o.option}: tên tệp ${out} quá dài (tối đa 255 byte); chọn tên ngắn hơn.`, `${o.option}: the file name ${out} is too long (255 bytes at most); choose a shorter name.`);
  }
  const dir = dirname(resolve(out));
  const dirStat = statOf(dir);
  if (!dirStat?.isDirectory()) {
    throw new UsageError(`${o.option}: thư mục ${dirname(out)} không tồn tại; hãy tạo thư mục trước hoặc chọn nơi ghi khác.`, `${o.option}: the folder ${dirname(out)} does not exist; create it first or choose another place.`);
  }
  if (!writable(dir) || (stat && !writable(out))) {
    throw new UsageError(`${o.option}: không có quyền ghi vào ${stat ? out : dirname(out)}; chọn thư mục khác hoặc xin quyền ghi.`, `${o.option}: no permission to write ${stat ? out : dirname(out)}; choose another folder or ask for write access.`);
  }
  if (stat && o.existing !== 'replace' && !o.existing.force) {
    throw new UsageError(`Tệp ${out} đã có; dùng --force để ghi đè.`, `${out} already exists; use --force to overwrite it.`);
  }
}

/** A folder stands for the files directly in it (what the commands read from a folder). */
function expand(p: string): string[] {
  const s = statOf(p);
  if (!s?.isDirectory()) return [p];
  try {
    return [p, ...readdirSync(p).map((n) => join(p, n))];
  } catch {
    return [p];
  }
}

function statOf(p: string): Stats | undefined {
  try {
    return statSync(p); // follows links: a link to an input is that input
  } catch {
    return undefined;
  }
}

function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** The real path the output will have: its own when it exists, else its folder's plus its name. */
function realOutput(out: string): string {
  try {
    return realpathSync(out);
  } catch {
    return join(realPath(dirname(resolve(out))), basename(out));
  }
}

function writable(p: string): boolean {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
