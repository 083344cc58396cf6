/**
 * `chiso request-explanation` and `chiso read-replies`: the appraisal round trip. Sở Nội vụ
 * writes appraised scores into the unit's workbook; the request lists every row where they
 * differ from the self-score, the unit fills in its replies, and the replies are read back.
 * Source workbooks are only read.
 */
import { basename } from 'node:path';
import { message } from '../core/findings';
import { formatDateShort, formatNumber, type Lang } from '../core/format';
import { readExplanationReplies, requestFor, type AppraisalDifference } from '../workbook/appraisal';
import type { WorkbookGrid } from '../workbook/grid';
import { readUnitWorkbook } from '../workbook/read';
import { FileUnreadableError } from '../xlsx/errors';
import { readWorkbookFile } from '../xlsx/read';
import { writeSpecToFile } from '../xlsx/write';
import { UsageError, choiceOpt, dateOpt, parse, requireOpt, stringOpt } from './args';
import { EXIT, terminalSafe, type Io } from './io';
import { guardOutputs } from './outputs';

export const REQUEST_HELP = `Cách dùng / Usage:
  chiso request-explanation <bang-cham-diem.xlsx> --out <yeu-cau-giai-trinh.xlsx>
                            [--issuer <cơ quan>] [--deadline YYYY-MM-DD] [--force] [--lang vi|en]

Tạo "Yêu cầu giải trình" cho đơn vị từ bảng chấm điểm đã thẩm định: mỗi tiêu chí có điểm
thẩm định khác điểm tự đánh giá là một dòng (điểm tự đánh giá, điểm thẩm định, chênh lệch,
lý do thẩm định) với hai cột để đơn vị ghi giải trình và tài liệu bổ sung.
Makes the explanation request for a unit from its appraised workbook: one row per criterion
whose appraised score differs from the self-score, with columns for the unit's reply.

Tùy chọn / Options:
  --out <tệp.xlsx>        tệp yêu cầu giải trình / the request workbook to write
  --issuer <tên>          cơ quan thẩm định (mặc định "SỞ NỘI VỤ") / appraising body (default "SỞ NỘI VỤ")
  --deadline YYYY-MM-DD   hạn gửi giải trình / reply deadline
  --force                 ghi đè tệp đã có / overwrite an existing file
  --lang vi|en            ngôn ngữ thông báo (mặc định vi) / message language (default vi)
  -h, --help              trợ giúp này / this help

Mã thoát / Exit codes:
  0  đã tạo yêu cầu / request written
  1  không có tiêu chí nào chênh lệch (chưa thẩm định, hoặc điểm thẩm định bằng điểm tự đánh giá): không ghi tệp
     no difference (not appraised yet, or every appraised score equals the self-score): nothing written
  2  tệp không đọc được, không có cột điểm thẩm định, sai đối số / unreadable file, no appraisal column, bad arguments
`;

export const REPLIES_HELP = `Cách dùng / Usage:
  chiso read-replies <yeu-cau-giai-trinh.xlsx> [--json] [--lang vi|en]

Đọc giải trình của đơn vị trong tệp "Yêu cầu giải trình" đã điền: từng tiêu chí với nội dung
giải trình và tài liệu bổ sung, và các tiêu chí còn để trống. Tệp chỉ được đọc.
Reads the unit's replies from a filled-in explanation request: each criterion with its reply
and further evidence, and the rows left unanswered. The file is only read.

Tùy chọn / Options:
  --json        in đúng một tài liệu JSON ra stdout / print exactly one JSON document on stdout:
                {"file","unit","sheet","replies":[{"code","row","reply","evidence"}],"unanswered":[codes]}
  --lang vi|en  ngôn ngữ thông báo (mặc định vi) / message language (default vi)
  -h, --help    trợ giúp này / this help

Mã thoát / Exit codes:
  0  mọi tiêu chí đã có giải trình / every row answered
  1  còn tiêu chí chưa giải trình / some rows unanswered
  2  tệp không đọc được hoặc không có bảng yêu cầu giải trình; sai đối số / unreadable file or no request table; bad arguments
`;

const LANG = ['vi', 'en'] as const;

/** The workbook's grid, or the reason it cannot be read (already printed). */
async function readGrid(path: string, io: Io, lang: Lang): Promise<WorkbookGrid | undefined> {
  try {
    return await readWorkbookFile(path);
  } catch (e) {
    if (e instanceof FileUnreadableError) {
      io.err(`${terminalSafe(message(e.toFinding(lang), lang))}\n`);
      return undefined;
    }
    throw e;
  }
}

function onePositional(positionals: string[], vi: string, en: string): string {
  if (positionals.length === 0) throw new UsageError(`Thiếu tệp ${vi}.`, `Missing the ${en}.`);
  if (positionals.length > 1) throw new UsageError(`Chỉ nhận một tệp; thừa: ${positionals.slice(1).join(' ')}.`, `One file only; unexpected: ${positionals.slice(1).join(' ')}.`);
  return positionals[0];
}

const REQUEST_OPTIONS = {
  out: { type: 'string' },
  issuer: { type: 'string' },
  deadline: { type: 'string' },
  force: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function requestExplanationCommand(args: string[], io: Io): Promise<number> {
  const p = parse(args, REQUEST_OPTIONS);
  if (p.values.help) {
    io.out(REQUEST_HELP);
    return EXIT.ok;
  }
  const lang: Lang = choiceOpt(p, 'lang', LANG) ?? 'vi';
  const source = onePositional(p.positionals, 'bảng chấm điểm .xlsx đã thẩm định', 'appraised .xlsx workbook');
  const out = requireOpt(p, 'out');
  guardOutputs([{ path: out, option: '--out', ext: '.xlsx', existing: { force: p.values.force === true } }], [source]);
  const deadline = dateOpt(p, 'deadline');
  const issuer = stringOpt(p, 'issuer');

  const grid = await readGrid(source, io, lang);
  if (!grid) return EXIT.unusable;
  const file = basename(source);
  const reading = readUnitWorkbook(grid, { file });
  if (!reading.ok) {
    for (const f of reading.findings) io.err(`${terminalSafe(message(f, lang))}\n`);
    return EXIT.unusable;
  }
  const made = requestFor(reading, file, {
    ...(issuer !== undefined ? { issuer } : {}),
    ...(deadline !== undefined ? { deadline: `ngày ${formatDateShort(deadline)}` } : {}),
  });
  if (!made.ok) {
    io.err(`${terminalSafe(lang === 'vi' ? made.vi : made.en)}\n`);
    return made.why === 'noColumn' ? EXIT.unusable : EXIT.errors;
  }
  const { spec, diffs } = made;
  await writeSpecToFile(spec, out);
  const unit = made.unit;
  io.out(`${terminalSafe(lang === 'vi' ? `${unit}: ${diffs.length} tiêu chí cần giải trình` : `${unit}: ${diffs.length} criteria to explain`)}\n`);
  for (const d of diffs) io.out(`  ${terminalSafe(differenceLine(d, lang))}\n`);
  io.err(lang === 'vi' ? `Đã ghi ${out}.\n` : `Wrote ${out}.\n`);
  return EXIT.ok;
}

function differenceLine(d: AppraisalDifference, lang: Lang): string {
  const n = (v: number | undefined) => (v === undefined ? (lang === 'vi' ? 'trống' : 'blank') : formatNumber(v, lang));
  const scores = lang === 'vi' ? `tự đánh giá ${n(d.self)}, thẩm định ${n(d.appraised)}` : `self ${n(d.self)}, appraised ${n(d.appraised)}`;
  return `${d.code} ${d.name}: ${scores}${d.reason ? ` (${d.reason})` : ''}`;
}

const REPLIES_OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function readRepliesCommand(args: string[], io: Io): Promise<number> {
  const p = parse(args, REPLIES_OPTIONS);
  if (p.values.help) {
    io.out(REPLIES_HELP);
    return EXIT.ok;
  }
  const lang: Lang = choiceOpt(p, 'lang', LANG) ?? 'vi';
  const path = onePositional(p.positionals, 'yêu cầu giải trình .xlsx', 'explanation request .xlsx');
  const grid = await readGrid(path, io, lang);
  if (!grid) return EXIT.unusable;
  const file = basename(path);
  const got = readExplanationReplies(grid);
  if (!got.ok) {
    io.err(`${terminalSafe(`${file}: ${lang === 'vi' ? got.vi : got.en}`)}\n`);
    return EXIT.unusable;
  }
  if (p.values.json) {
    io.out(`${JSON.stringify({ file, unit: got.unit ?? null, sheet: got.sheet, replies: got.replies, unanswered: got.unanswered })}\n`);
  } else {
    const vi = lang === 'vi';
    const lines = [`${file}${got.unit ? ` (${got.unit})` : ''}: ${got.replies.length} ${vi ? 'tiêu chí đã giải trình' : 'answered'}, ${got.unanswered.length} ${vi ? 'chưa giải trình' : 'unanswered'}`];
    for (const r of got.replies) {
      lines.push(`${vi ? 'Tiêu chí' : 'Criterion'} ${r.code} (${vi ? 'dòng' : 'row'} ${r.row}):`);
      if (r.reply) lines.push(`  ${vi ? 'Giải trình' : 'Reply'}: ${r.reply}`);
      if (r.evidence) lines.push(`  ${vi ? 'Tài liệu bổ sung' : 'Further evidence'}: ${r.evidence}`);
    }
    if (got.unanswered.length > 0) lines.push(`${vi ? 'Chưa giải trình' : 'Unanswered'}: ${got.unanswered.join(', ')}`);
    // Workbook text (units, replies) may carry control characters: shown escaped, never obeyed.
    io.out(`${lines.map(terminalSafe).join('\n')}\n`);
  }
  return got.unanswered.length > 0 ? EXIT.errors : EXIT.ok;
}
