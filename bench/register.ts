/**
 * Issue 16: cross-checking a unit's sheet against its register of outgoing documents.
 * A 5,000-row register (grid made in memory: the Nghị định 30 layout) against a 150-row
 * sheet whose every fifth sub-criterion has no evidence (so suggestions are looked for
 * too). Timed: reading the register from its grid, and the cross-check with suggestions
 * (indexing the register included), each on fresh objects so no cache serves them.
 * `npx tsx bench/register.ts [--json] [--rows N] [--register N]`; goal: check < 100 ms.
 */
import type { Answer } from '../src/core/answers';
import { lookupCriteria } from '../src/core/criteriaSet';
import { crossCheckRegister, indexRegister, suggestFromRegister, type Register } from '../src/core/register';
import type { WorkbookGrid } from '../src/workbook/grid';
import { readRegister } from '../src/workbook/register';
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
}

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
  const readOnce = (): Register => readRegister(grid, { file: 'so-dang-ky.xlsx' });
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const timeRead = () => {
    const [t0, c0] = [performance.now(), cpu()];
    const r = readOnce();
    return { ms: performance.now() - t0, cpuMs: cpu() - c0, r };
  };
  // Fresh entry objects each time: caches keyed by entry (terms) do not serve a new register.
  const fresh = (register: Register): Register => ({ ...register, entries: register.entries.map((e) => ({ ...e })) });
  const timeCheck = (register: Register) => {
    const [t0, c0] = [performance.now(), cpu()];
    const check = crossCheckRegister(criteria, answers, indexRegister(register));
    return { ms: performance.now() - t0, cpuMs: cpu() - c0, n: check.findings.length };
  };
  const timeSuggest = (register: Register) => {
    const [t0, c0] = [performance.now(), cpu()];
    const n = suggestFromRegister(criteria, answers, indexRegister(register)).length;
    return { ms: performance.now() - t0, cpuMs: cpu() - c0, n };
  };
  const first = { read: timeRead() };
  const firstCheck = timeCheck(fresh(first.read.r));
  const firstSuggest = timeSuggest(fresh(first.read.r));
  const samples = { read: [] as number[], readCpu: [] as number[], check: [] as number[], checkCpu: [] as number[], suggest: [] as number[], suggestCpu: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const r = timeRead();
    samples.read.push(r.ms);
    samples.readCpu.push(r.cpuMs);
    const c = timeCheck(fresh(r.r));
    samples.check.push(c.ms);
    samples.checkCpu.push(c.cpuMs);
    const s = timeSuggest(fresh(r.r));
    samples.suggest.push(s.ms);
    samples.suggestCpu.push(s.cpuMs);
  }
  const sheetRows = countRows(set);
  const round = (x: number) => Math.round(x * 10) / 10;
  const entries = first.read.r.entries.length;
  return [
    { operation: 'read register grid (pure)', rows: sheetRows, registerRows: entries, ms: median(samples.read), cpuMs: median(samples.readCpu), firstMs: round(first.read.ms), findings: first.read.r.problems.length },
    { operation: 'cross-check sheet vs register (pure, index included)', rows: sheetRows, registerRows: entries, ms: median(samples.check), cpuMs: median(samples.checkCpu), firstMs: round(firstCheck.ms), findings: firstCheck.n },
    { operation: 'suggestions from register (pure, index included)', rows: sheetRows, registerRows: entries, ms: median(samples.suggest), cpuMs: median(samples.suggestCpu), firstMs: round(firstSuggest.ms), findings: firstSuggest.n },
  ];
}

if (require.main === module) {
  const arg = (name: string, dflt: number) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : dflt;
  };
  registerBench(arg('--rows', 150), arg('--register', 5000)).then(
    (results) => {
      for (const r of results) {
        process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(r)}\n` : `${r.operation}, ${r.rows} sheet rows, ${r.registerRows} register rows: ${r.ms} ms wall, ${r.cpuMs} ms CPU (first call ${r.firstMs} ms), ${r.findings} findings/suggestions; goal < 100 ms for the cross-check\n`);
      }
    },
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
