/** `chiso validate`: checks units' self-scoring workbooks, as the task pane does. */
import { basename } from 'node:path';
import { localToday } from '../core/clock';
import type { CriteriaSet } from '../core/criteria';
import { indexCriteriaSet } from '../core/criteriaSet';
import { message } from '../core/findings';
import type { Lang } from '../core/format';
import { computeTotals } from '../core/totals';
import { readUnitWorkbook, validateReading } from '../workbook/read';
import { FileUnreadableError } from '../xlsx/errors';
import { readWorkbookFile } from '../xlsx/read';
import { UsageError, choiceOpt, dateOpt, parse, stringOpt } from './args';
import { loadCriteriaSet } from './criteria';
import { EXIT, type Io } from './io';
import { toJson, toText, type FileReport } from './report';

export const VALIDATE_HELP = `Cách dùng / Usage:
  chiso validate <tệp.xlsx>... [--criteria <bo-tieu-chi.json|bieu-mau.xlsx>] [--json] [--lang vi|en] [--today YYYY-MM-DD]

Kiểm tra bảng tự chấm điểm của đơn vị: điểm, tài liệu kiểm chứng, giải trình, tổng điểm,
và (với --criteria) so sánh với bộ tiêu chí gốc. Tệp nguồn chỉ được đọc, không bị sửa.
Checks units' self-scoring workbooks (scores, evidence, explanations, totals) and, with
--criteria, compares them with the reference criteria set. Files are only read.

Tùy chọn / Options:
  --criteria <tệp>   bộ tiêu chí gốc: tệp JSON hoặc biểu mẫu .xlsx / reference set: JSON or template .xlsx
  --json             in đúng một tài liệu JSON ra stdout / print exactly one JSON document on stdout
  --lang vi|en       ngôn ngữ thông báo (mặc định vi) / message language (default vi)
  --today YYYY-MM-DD ngày dùng để kiểm tra văn bản ghi ngày tương lai (mặc định hôm nay) / date for future-date checks (default today)
  -h, --help         trợ giúp này / this help

Mã thoát / Exit codes:
  0  không có lỗi / no error finding
  1  có tệp có lỗi / some file has an error finding
  2  có tệp không đọc được hoặc không có bảng chấm điểm; sai đối số / a file is unreadable or has no score table; bad arguments
`;

const OPTIONS = {
  criteria: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function validateCommand(args: string[], io: Io): Promise<number> {
  const p = parse(args, OPTIONS);
  if (p.values.help) {
    io.out(VALIDATE_HELP);
    return EXIT.ok;
  }
  const lang: Lang = choiceOpt(p, 'lang', ['vi', 'en'] as const) ?? 'vi';
  const today = dateOpt(p, 'today') ?? localToday(io.now?.());
  if (p.positionals.length === 0) throw new UsageError('Thiếu tệp .xlsx cần kiểm tra.', 'Missing the .xlsx file(s) to check.');

  let reference: CriteriaSet | undefined;
  const criteriaPath = stringOpt(p, 'criteria');
  if (criteriaPath !== undefined) {
    const loaded = await loadCriteriaSet(criteriaPath, lang);
    if (!loaded.ok) {
      io.err(`${lang === 'vi' ? 'Không dùng được bộ tiêu chí' : 'Cannot use the criteria set'} ${criteriaPath}:\n`);
      for (const f of loaded.findings) io.err(`  ${message(f, lang)}\n`);
      return EXIT.unusable;
    }
    reference = loaded.set;
  }

  const reports: FileReport[] = [];
  for (const path of p.positionals) reports.push(await checkFile(path, reference, today, lang));
  io.out(p.values.json ? `${toJson(reports, lang)}\n` : toText(reports, lang));
  if (reports.some((r) => r.status === 'unreadable')) return EXIT.unusable;
  return reports.some((r) => r.status === 'errors') ? EXIT.errors : EXIT.ok;
}

async function checkFile(path: string, reference: CriteriaSet | undefined, today: string, lang: Lang): Promise<FileReport> {
  const file = basename(path);
  const empty = { file, unit: null, level: null, year: null, criteriaSet: null, totals: null };
  let grid;
  try {
    grid = await readWorkbookFile(path);
  } catch (e) {
    if (e instanceof FileUnreadableError) return { ...empty, status: 'unreadable', findings: [e.toFinding(lang)] };
    throw e;
  }
  const reading = readUnitWorkbook(grid, { file });
  if (!reading.ok) return { ...empty, status: 'unreadable', findings: reading.findings };
  const findings = validateReading(reading, { reference, today });
  const totals = computeTotals(indexCriteriaSet(reference ?? reading.set), reading.answers);
  const { meta } = reading;
  const setId = meta.setId ?? reference?.id;
  return {
    file,
    status: findings.some((f) => f.severity === 'error') ? 'errors' : 'ok',
    unit: meta.unit ?? null,
    level: meta.level ?? null,
    year: meta.year ?? null,
    criteriaSet: setId !== undefined ? { id: setId, version: meta.setVersion ?? reference?.version ?? '' } : null,
    totals: { self: totals.self, max: totals.max, applicableMax: totals.applicableMax, index: totals.index },
    findings,
  };
}
