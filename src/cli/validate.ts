/** `chiso validate`: checks units' self-scoring workbooks, as the task pane does. */
import { basename } from 'node:path';
import { readFile } from 'node:fs/promises';
import { localToday } from '../core/clock';
import { UNIT_LEVELS, type CriteriaSet, type UnitLevel } from '../core/criteria';
import { lookupCriteria } from '../core/criteriaSet';
import { finding } from '../core/findings';
import type { Lang } from '../core/format';
import { computeTotals } from '../core/totals';
import { parseColumnMapText } from '../workbook/columns';
import { WorkbookError } from '../workbook/errors';
import { alignReading, readUnitWorkbook, validateReading, type KnownUnit, type ReadOptions } from '../workbook/read';
import { FileUnreadableError } from '../xlsx/errors';
import { readWorkbookFile } from '../xlsx/read';
import { UsageError, choiceOpt, dateOpt, parse, stringOpt } from './args';
import { givenSets, referenceOf } from './criteria';
import { EXIT, type Io } from './io';
import { crossCheckUnit, loadRegisterFile, registerLoadText, type RegisterRun } from './register';
import { toJson, toText, type FileReport } from './report';

export const VALIDATE_HELP = `Cách dùng / Usage:
  chiso validate <tệp.xlsx>... [--criteria <bo-tieu-chi.json|bieu-mau.xlsx|thư mục>] [--columns <cột=chữ,...>]
                 [--unit <tên đơn vị>] [--units <danh-sach.json>] [--json] [--lang vi|en] [--today YYYY-MM-DD]
                 [--register <so-dang-ky.xlsx|.csv>] [--unit-symbol <ký hiệu>] [--evidence-dir <thư mục>]

Kiểm tra bảng tự chấm điểm của đơn vị: điểm, tài liệu kiểm chứng, giải trình, tổng điểm,
và (với --criteria) so sánh với bộ tiêu chí gốc. Tệp nguồn chỉ được đọc, không bị sửa.
Checks units' self-scoring workbooks (scores, evidence, explanations, totals) and, with
--criteria, compares them with the reference criteria set. Files are only read.

Tùy chọn / Options:
  --criteria <tệp>   bộ tiêu chí gốc: tệp JSON, biểu mẫu .xlsx hoặc thư mục; có thể lặp lại: khi có nhiều bộ,
                     mỗi tệp được đối chiếu với bộ tệp ghi, nếu không thì bộ của cấp, năm và các tiêu chí của tệp
                     reference set: JSON, template .xlsx or a folder; may be repeated: with several sets, each
                     file is checked against the set it names, else the set of its level, year and criteria
  --columns <map>    chọn cột thủ công khi không nhận ra tiêu đề bảng, ví dụ max=D,score=E,evidence=F;
                     tên cột: code (stt), name, max, declared, method, requirement, score, evidence,
                     explanation, note, appraisal, reason, previous; header=<số dòng tiêu đề> (tùy chọn);
                     các cột không ghi vẫn được nhận theo tiêu đề
                     name columns by hand when the header is not recognised, e.g. max=D,score=E,evidence=F;
                     column names as above, header=<header row> optional; columns not given are detected
  --unit <tên>       tên đơn vị cho tệp không ghi tên đơn vị / unit name for a file that names none
  --units <tệp.json> danh sách đơn vị [{"name","level"}]: tên đọc được ghi theo danh sách
                     / expected units: a unit read from the sheet takes the list's spelling
  --register <tệp>   sổ đăng ký văn bản đi của đơn vị (.xlsx hoặc .csv): đối chiếu văn bản do đơn vị ban hành
                     được dẫn (có trong sổ, đúng ngày, đúng loại, trích yếu liên quan) và gợi ý văn bản cho
                     tiêu chí chưa có tài liệu kiểm chứng; xem docs/evidence-register.md
                     the unit's register of outgoing documents (.xlsx or .csv): cross-checks the unit's own
                     documents cited (in the register, same date, same kind, related summary) and suggests
                     documents for criteria without evidence; see docs/evidence-register.md
  --unit-symbol <ký hiệu>
                     phần ký hiệu cơ quan của đơn vị trong số, ký hiệu văn bản, ví dụ STP (mặc định: suy từ sổ)
                     the unit's issuer part of document symbols, e.g. STP (default: inferred from the register)
  --evidence-dir <thư mục>
                     thư mục hồ sơ tài liệu kiểm chứng (tệp đặt tên theo số, ký hiệu hoặc mã tiêu chí):
                     chỉ liệt kê và tính mã băm sha256, không mở tệp; liệt kê văn bản không có tệp và tệp thừa
                     folder of evidence files (named by number/symbol or criterion code): files are only
                     listed and hashed (sha256), never opened; lists documents without a file and files unmatched
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
  criteria: { type: 'string', multiple: true },
  columns: { type: 'string' },
  unit: { type: 'string' },
  units: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  today: { type: 'string' },
  register: { type: 'string' },
  'unit-symbol': { type: 'string' },
  'evidence-dir': { type: 'string' },
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

  const criteriaPaths = (p.values.criteria as string[] | undefined) ?? [];
  const sets = await givenSets(criteriaPaths, lang, io);
  if (!sets) return EXIT.unusable;

  const read: ReadOptions = {};
  const columnsText = stringOpt(p, 'columns');
  if (columnsText !== undefined) {
    const map = parseColumnMapText(columnsText);
    if (!map.ok) throw new UsageError(`--columns không hợp lệ: ${map.vi}`, `Invalid --columns: ${map.en}`);
    read.columns = map;
  }
  const unit = stringOpt(p, 'unit')?.trim();
  if (unit !== undefined) {
    if (unit === '') throw new UsageError('--unit cần tên đơn vị, ví dụ --unit "Sở Tư pháp".', '--unit needs a unit name, e.g. --unit "Sở Tư pháp".');
    read.unit = unit;
  }
  const unitsPath = stringOpt(p, 'units');
  if (unitsPath !== undefined) read.units = await loadUnitList(unitsPath);

  // Issue 16: the unit's register and evidence folder (src/cli/register.ts).
  const run: RegisterRun = {};
  const registerPath = stringOpt(p, 'register');
  if (registerPath !== undefined) {
    const loaded = await loadRegisterFile(registerPath, lang);
    if (!loaded.ok) {
      io.err(registerLoadText(registerPath, loaded.findings, lang));
      return EXIT.unusable;
    }
    run.register = loaded.register;
  }
  const issuer = stringOpt(p, 'unit-symbol')?.trim();
  if (issuer) run.issuer = issuer;
  const evidenceDir = stringOpt(p, 'evidence-dir');
  if (evidenceDir !== undefined) run.evidenceDir = evidenceDir;
  const texts: string[] = [];

  const reports: FileReport[] = [];
  for (const path of p.positionals) reports.push(await checkFile(path, sets, today, lang, read, run, texts));
  io.out(p.values.json ? `${toJson(reports, lang)}\n` : toText(reports, lang) + texts.join(''));
  if (reports.some((r) => r.status === 'unreadable')) return EXIT.unusable;
  return reports.some((r) => r.status === 'errors') ? EXIT.errors : EXIT.ok;
}

/** A JSON array of {"name", "level"?}, as data/units/*.json. */
async function loadUnitList(path: string): Promise<KnownUnit[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError(`Không đọc được danh sách đơn vị ${path}: ${why}`, `Cannot read the unit list ${path}: ${why}`);
  }
  const ok = (u: unknown): u is KnownUnit => typeof u === 'object' && u !== null && typeof (u as KnownUnit).name === 'string' && ((u as KnownUnit).level === undefined || UNIT_LEVELS.includes((u as KnownUnit).level as UnitLevel));
  if (!Array.isArray(json) || !json.every(ok)) {
    throw new UsageError(`${path}: cần mảng JSON [{"name", "level"}], level so, huyen hoặc xa.`, `${path}: expected a JSON array of {"name", "level"}, level so, huyen or xa.`);
  }
  return json;
}

async function checkFile(path: string, sets: readonly CriteriaSet[], today: string, lang: Lang, read: ReadOptions, run: RegisterRun, texts: string[]): Promise<FileReport> {
  const file = basename(path);
  const empty = { file, unit: null, level: null, year: null, criteriaSet: null, totals: null };
  let grid;
  try {
    grid = await readWorkbookFile(path);
  } catch (e) {
    if (e instanceof FileUnreadableError) return { ...empty, status: 'unreadable', findings: [e.toFinding(lang)] };
    throw e;
  }
  let found;
  try {
    found = readUnitWorkbook(grid, { ...read, file });
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    const reason = { reason: e.message, reasonEn: e.en };
    return { ...empty, status: 'unreadable', findings: [finding('COLUMN_MAP_UNUSABLE', reason, { file, field: 'layout' })] };
  }
  if (!found.ok) return { ...empty, status: 'unreadable', findings: found.findings };
  // A file no set fits is checked against its own contents, with the one reason.
  const route = referenceOf(found, sets);
  const reference = route.reference;
  let findings = validateReading(found, { reference, today });
  if (route.reason) findings = [route.reason, ...findings];
  // Totals in the reference's numbering, as the findings are.
  const reading = reference ? alignReading(found, reference).reading : found;
  const criteria = lookupCriteria(reference ?? reading.set);
  const totals = computeTotals(criteria, reading.answers);
  let extra = {};
  if (run.register || run.evidenceDir !== undefined) {
    const checked = await crossCheckUnit(reading, criteria, findings, run);
    const { findings: merged, summaryText, ...parts } = checked;
    findings = merged;
    extra = parts;
    if (summaryText) texts.push(summaryText(lang));
  }
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
    ...extra,
  };
}
