/**
 * .xlsx -> PDF through LibreOffice headless (Debian `libreoffice-calc-nogui`). Each call
 * runs its own soffice with a private, temporary profile: a second soffice on the user's
 * profile would hand the job to the running one (or fail on its lock), and concurrent
 * conversions would collide.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rename, rm, stat, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang } from '../core/format';

export type PdfErrorKind = 'tool-missing' | 'tool-failed' | 'timeout' | 'input-missing' | 'output-missing';

const MESSAGES: Record<PdfErrorKind, { vi: string; en: string }> = {
  'tool-missing': {
    vi: 'Không tìm thấy LibreOffice (lệnh "{tool}") để xuất PDF. Cài gói libreoffice-calc-nogui (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui) hoặc đặt biến SOFFICE là đường dẫn tới soffice.',
    en: 'LibreOffice (command "{tool}") was not found, so no PDF can be made. Install libreoffice-calc-nogui (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui) or set SOFFICE to the path of soffice.',
  },
  'tool-failed': {
    vi: 'LibreOffice không chuyển được tệp "{file}" sang PDF (mã thoát {detail}). Mở tệp bằng LibreOffice hoặc Excel để kiểm tra, rồi thử lại.',
    en: 'LibreOffice could not convert "{file}" to PDF (exit code {detail}). Open the file in LibreOffice or Excel to check it, then try again.',
  },
  timeout: {
    vi: 'LibreOffice chưa xuất xong PDF của tệp "{file}" sau {detail} giây nên đã bị dừng. Đóng các cửa sổ LibreOffice đang treo rồi thử lại.',
    en: 'LibreOffice did not finish the PDF of "{file}" within {detail} seconds and was stopped. Close any hung LibreOffice windows and try again.',
  },
  'input-missing': {
    vi: 'Không mở được tệp "{file}" để xuất PDF ({detail}).',
    en: 'The file "{file}" cannot be opened to make a PDF ({detail}).',
  },
  'output-missing': {
    vi: 'LibreOffice đã chạy xong nhưng không tạo ra tệp PDF cho "{file}". Kiểm tra tệp có trang tính in được không.',
    en: 'LibreOffice finished but made no PDF for "{file}". Check that the file has a printable sheet.',
  },
};

/** Why no PDF was made, in words the user can act on (Vietnamese first). */
export class PdfError extends Error {
  constructor(
    readonly kind: PdfErrorKind,
    readonly file: string,
    readonly detail = '',
    readonly tool = 'soffice',
  ) {
    super(fill(MESSAGES[kind].en, file, detail, tool));
    this.name = 'PdfError';
  }

  text(lang: Lang): string {
    return fill(MESSAGES[this.kind][lang], this.file, this.detail, this.tool);
  }
}

function fill(template: string, file: string, detail: string, tool: string): string {
  return template.replace('{file}', file).replace('{detail}', detail).replace('{tool}', tool);
}

export interface PdfOptions {
  /** The soffice binary; default $SOFFICE or `soffice` on the PATH. */
  soffice?: string;
  /** Milliseconds before soffice is killed; default 120 s (a first start with a fresh profile takes several seconds). */
  timeoutMs?: number;
}

/**
 * Converts `xlsxPath` to the PDF `outPdf` (written whole or not at all). The input is
 * only read: soffice works on a copy in a temporary folder, removed afterwards.
 */
export async function convertToPdf(xlsxPath: string, outPdf: string, opts: PdfOptions = {}): Promise<void> {
  const tool = opts.soffice ?? process.env.SOFFICE ?? 'soffice';
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const name = basename(xlsxPath);
  const work = await mkdtemp(join(tmpdir(), 'chiso-pdf-'));
  try {
    const input = join(work, `input${extname(xlsxPath) || '.xlsx'}`);
    try {
      await copyFile(xlsxPath, input);
    } catch (e) {
      throw new PdfError('input-missing', name, (e as NodeJS.ErrnoException).code ?? String(e), tool);
    }
    const profile = pathToFileURL(join(work, 'profile')).href;
    const args = ['--headless', '--norestore', '--nologo', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', work, input];
    await run(tool, args, timeoutMs, name);
    const made = join(work, 'input.pdf');
    if (!(await exists(made))) throw new PdfError('output-missing', name, '', tool);
    // Same folder as the target, then rename: a failed copy never leaves half a PDF.
    const tmp = join(dirname(outPdf), `.${basename(outPdf)}.${process.pid}.tmp`);
    try {
      await copyFile(made, tmp);
      await rename(tmp, outPdf);
    } catch (e) {
      await rm(tmp, { force: true });
      (e as NodeJS.ErrnoException).path = outPdf;
      throw e;
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).size > 0;
  } catch {
    return false;
  }
}

function run(tool: string, args: string[], timeoutMs: number, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Own process group, so a timeout kills soffice.bin and its helpers too.
    const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      reject(new PdfError('timeout', file, String(Math.round(timeoutMs / 1000)), tool));
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' || e.code === 'EACCES' ? new PdfError('tool-missing', file, e.code, tool) : e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new PdfError('tool-failed', file, `${code ?? signal}${stderr.trim() ? `: ${stderr.trim().split('\n')[0].slice(0, 200)}` : ''}`, tool));
    });
  });
}

/**
 * The digit width (px at 96 dpi) of the default font of exceljs workbooks (Calibri 11)
 * as LibreOffice measures it: LibreOffice sizes columns by that font, and without Calibri
 * it uses its metric twin Carlito or, failing that, what fontconfig offers (DejaVu Sans
 * on a bare Debian). Feed it to buildScoreSheet so the printed columns keep their size.
 */
export function libreOfficeDigitPx(): number {
  const r = spawnSync('fc-match', ['-f', '%{family}', 'Calibri'], { encoding: 'utf8' });
  const family = r.status === 0 ? r.stdout : '';
  if (/calibri|carlito/i.test(family)) return 7;
  if (/liberation sans|arial/i.test(family)) return 7.33;
  // DejaVu Sans and other wide sans fonts: 0.636 em digits.
  return 9.33;
}
