/**
 * Issue 16: cross-checking a unit's sheet against its register of outgoing documents.
 * A 5,000-row register (the Nghị định 30 layout, made in memory, then written as .xlsx and
 * as a UTF-8 .csv) against a 150-row sheet whose every fifth sub-criterion has no evidence
 * (so suggestions are looked for too). Timed, each against the 100 ms goal (what the
 * officer waits for): reading the register from its .xlsx bytes and from its .csv bytes
 * (and, as a part of both, from its grid), the cross-check, and the suggestions (indexing
 * the register included in both), each on fresh objects so no cache serves them.
 * `npx tsx bench/register.ts [--json] [--rows N] [--register N]`.
 */
import ExcelJS from 'exceljs';
import type { Answer } from '../src/core/answers';
import { lookupCriteria } from '../src/core/criteriaSet';
import { crossCheckRegister, indexRegister, suggestFromRegister, type Register } from '../src/core/register';
import { csvToGrid, decodeCsvBytes } from '../src/workbook/csv';
import type { WorkbookGrid } from '../src/workbook/grid';
import { readRegister } from '../src/workbook/register';
import { readWorkbookBuffer } from '../src/xlsx/read';
import { benchSet, countRows } from './sets';

export interface RegisterBenchResult {
  operation: string;
  /** Rows of the sheet. */
  rows: number;
  registerRows: number;
  /** Median wall time of the timed runs. */
  ms: number;
  /** Median CPU time (user + system) of the process over the same runs: what the work costs when other processes share the cores. */
  cpuMs: number;
  /** The first call in the process. */
  firstMs: number;
  findings: number;
  /** The goal for this operation, ms CPU (null: a part of another row, no goal of its own). */
  goalMs: number | null;
}

/** What the officer waits for, each: read, cross-check, suggestions. */
export const REGISTER_GOAL_MS = 100;

const TOPICS = [
  'kiểm tra công tác cải cách hành chính',
  'tuyên truyền cải cách hành chính',
  'rà soát, hệ thống hóa văn bản quy phạm pháp luật',
  'theo dõi tình hình thi hành pháp luật',
  'phổ biến, giáo dục pháp luật',
  'thực hiện nhiệm vụ thi đua, khen thưởng',
  'kiểm soát thủ tục hành chính',
  'ứng dụng công nghệ thông tin, chuyển đổi số',
  'tuyển dụng, sử dụng công chức, viên chức',
  'quản lý tài chính, tài sản công',
  'tổ chức hội nghị tổng kết',
  'phòng chống tham nhũng, tiêu cực',
];
const KINDS: [string, string][] = [['Kế hoạch', 'KH'], ['Báo cáo', 'BC'], ['Quyết định', 'QĐ'], ['Thông báo', 'TB']];

/** Register rows: the sheet's cited plans first (numbers 1..), then other documents, up to `count`. */
function registerGrid(citedNumbers: readonly number[], count: number): WorkbookGrid {
  const values: (string | null)[][] = [
    ['SỔ ĐĂNG KÝ VĂN BẢN ĐI'],
    ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản'],
  ];
  const cited = new Set(citedNumbers);
  for (let i = 1; values.length - 2 < count; i++) {
    const [kind, abbr] = cited.has(i) ? KINDS[0] : KINDS[i % KINDS.length];
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    // Every 50th cited plan is registered with another date; the others on the cited date.
    const date = cited.has(i) ? (i % 50 === 0 ? '21/01/2024' : '20/01/2024') : `${day}/${month}/2024`;
    values.push([`${i}/${abbr}-STP`, date, `${kind} ${TOPICS[i % TOPICS.length]} năm 2024 (${i})`, 'Nguyễn Văn A', 'UBND tỉnh']);
  }
  return { sheets: [{ name: 'Năm 2024', values }] };
}

const median = (times: number[]) => Math.round([...times].sort((a, b) => a - b)[times.length >> 1] * 10) / 10;

export async function registerBench(rows = 150, registerRows = 5000, runs = 7): Promise<RegisterBenchResult[]> {
  const set = benchSet(rows);
  // Sub-criteria about the topics a register's summaries speak of, as real sets are.
  let k = 0;
  for (const f of set.fields) for (const c of f.children ?? []) for (const sub of c.children ?? []) {
    sub.name = `Thực hiện ${TOPICS[k++ % TOPICS.length]}`;
    sub.evidence = 'Kế hoạch; báo cáo kết quả thực hiện';
  }
  const criteria = lookupCriteria(set);
  const answers: Answer[] = [];
  const cited: number[] = [];
  let n = 0;
  let row = 10;
  for (const node of criteria.nodes) {
    row++;
    if (!node.isLeaf) continue;
    n++;
    const number = n * 7;
    // Every fifth without evidence; every 25th cites a document absent from the register.
    if (n % 5 === 0) answers.push({ code: node.code, selfScore: 1, row });
    else {
      const absent = n % 25 === 1;
      if (!absent) cited.push(number);
      answers.push({ code: node.code, selfScore: 1, row, evidence: `Kế hoạch số ${absent ? 90000 + n : number}/KH-STP ngày 20/01/2024 về ${TOPICS[number % TOPICS.length]}` });
    }
  }
  const grid = registerGrid(cited, registerRows);
  const xlsx = await xlsxBytes(grid);
  const csv = csvBytes(grid);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const time = <T>(fn: () => T): { ms: number; cpuMs: number; value: T } => {
    const [t0, c0] = [performance.now(), cpu()];
    const value = fn();
    return { ms: performance.now() - t0, cpuMs: cpu() - c0, value };
  };
  // The file as the CLI and the pane read it: .xlsx bytes through the streaming reader, .csv bytes decoded; then the register.
  const readXlsx = async (): Promise<{ ms: number; cpuMs: number; value: Register }> => {
    const [t0, c0] = [performance.now(), cpu()];
    const value = readRegister(await readWorkbookBuffer(xlsx, 'so-dang-ky.xlsx'), { file: 'so-dang-ky.xlsx' });
    return { ms: performance.now() - t0, cpuMs: cpu() - c0, value };
  };
  const readCsv = () => time(() => readRegister(csvToGrid(decodeCsvBytes(csv), { sheetName: 'so-dang-ky.csv' }), { file: 'so-dang-ky.csv' }));
  const readGrid = () => time(() => readRegister(grid, { file: 'so-dang-ky.xlsx' }));
  // Fresh entry objects each time: caches keyed by entry (terms) do not serve a new register.
  const fresh = (register: Register): Register => ({ ...register, entries: register.entries.map((e) => ({ ...e })) });
  const check = (register: Register) => time(() => crossCheckRegister(criteria, answers, indexRegister(register)).findings.length);
  const suggest = (register: Register) => time(() => suggestFromRegister(criteria, answers, indexRegister(register)).length);

  type Sample = { ms: number; cpuMs: number };
  const ops: { name: string; goal: boolean; first?: Sample & { n: number }; samples: Sample[] }[] = [
    { name: 'read register .xlsx (bytes -> entries)', goal: true, samples: [] },
    { name: 'read register .csv (bytes -> entries)', goal: true, samples: [] },
    { name: '  of which: entries from the grid', goal: false, samples: [] },
    { name: 'cross-check sheet vs register (index included)', goal: true, samples: [] },
    { name: 'suggestions from register (index included)', goal: true, samples: [] },
  ];
  let entries = 0;
  for (let i = 0; i <= runs; i++) {
    const x = await readXlsx();
    const c = readCsv();
    const g = readGrid();
    if (x.value.entries.length !== g.value.entries.length || c.value.entries.length !== g.value.entries.length) throw new Error('the .xlsx, .csv and grid registers differ');
    entries = g.value.entries.length;
    const k = check(fresh(g.value));
    const s = suggest(fresh(g.value));
    const got = [{ ...x, n: x.value.problems.length }, { ...c, n: c.value.problems.length }, { ...g, n: g.value.problems.length }, { ...k, n: k.value }, { ...s, n: s.value }];
    got.forEach((r, j) => {
      // The first call in the process (compiling, caches filling) is reported apart.
      if (i === 0) ops[j].first = { ms: r.ms, cpuMs: r.cpuMs, n: r.n };
      else ops[j].samples.push({ ms: r.ms, cpuMs: r.cpuMs });
    });
  }
  const sheetRows = countRows(set);
  const round = (x: number) => Math.round(x * 10) / 10;
  return ops.map((op) => ({
    operation: op.name,
    rows: sheetRows,
    registerRows: entries,
    ms: median(op.samples.map((s) => s.ms)),
    cpuMs: median(op.samples.map((s) => s.cpuMs)),
    firstMs: round(op.first?.ms ?? 0),
    findings: op.first?.n ?? 0,
    goalMs: op.goal ? REGISTER_GOAL_MS : null,
  }));
}

/** The grid as an .xlsx file (one sheet, text cells as a register export writes them). */
async function xlsxBytes(grid: WorkbookGrid): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.values) ws.addRow(row.map((v) => v ?? null));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The grid's first sheet as a UTF-8 .csv with a BOM (Excel's "CSV UTF-8"), fields quoted when they must be. */
function csvBytes(grid: WorkbookGrid): Uint8Array {
  const quote = (v: unknown) => {
    const t = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const text = grid.sheets[0].values.map((row) => row.map(quote).join(',')).join('\r\n');
  return new TextEncoder().encode(`\ufeff${text}\r\n`);
}

if (require.main === module) {
  const arg = (name: string, dflt: number) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : dflt;
  };
  registerBench(arg('--rows', 150), arg('--register', 5000)).then(
    (results) => {
      for (const r of results) {
        const goal = r.goalMs === null ? '' : `; goal < ${r.goalMs} ms CPU: ${r.cpuMs < r.goalMs ? 'met' : 'NOT met'}`;
        process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(r)}\n` : `${r.operation}, ${r.rows} sheet rows, ${r.registerRows} register rows: ${r.ms} ms wall, ${r.cpuMs} ms CPU (first call ${r.firstMs} ms), ${r.findings} findings/suggestions/problems${goal}\n`);
      }
    },
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
