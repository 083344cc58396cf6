/**
 * A generated 5000-row unit sheet whose findings were frozen before the validation
 * speed-ups (issue 15): the leaves take the rules of the bundled sets' leaves in turn
 * (methods, evidence requirements, survey and "Không áp dụng" rows), and the answers are
 * drawn by a seeded generator from realistic evidence, scores, declarations, links and
 * totals, so most rules fire somewhere. The reference differs from the sheet by a few
 * rows (one the reference lacks, one it has more, an edited maximum, a renamed criterion).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer, CellValue } from '../../src/core/answers';
import type { CriteriaSet, CriterionNode } from '../../src/core/criteria';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import { buildTemplate } from '../../src/workbook/template';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { writeSpecToBuffer } from '../../src/xlsx/write';

const ROOT = join(__dirname, '../..');

function leavesOf(level: string): CriterionNode[] {
  const set = JSON.parse(readFileSync(join(ROOT, `data/criteria/${level}-2024.json`), 'utf8')) as CriteriaSet;
  const out: CriterionNode[] = [];
  const walk = (n: CriterionNode) => (n.children?.length ? n.children.forEach(walk) : out.push(n));
  set.fields.forEach(walk);
  return out;
}

/** mulberry32: the same numbers on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fields of criteria of 2..5 leaves, `rows` rows in all, the leaves' rules taken from the bundled sets in turn. */
export function generatedSet(rows = 5000): CriteriaSet {
  const pool = [...leavesOf('so'), ...leavesOf('huyen'), ...leavesOf('xa')];
  const fields: CriterionNode[] = [];
  let count = 0;
  let taken = 0;
  while (count < rows) {
    const f = fields.length + 1;
    const field: CriterionNode = { code: String(f), name: `Lĩnh vực ${f}`, maxPoints: 0, children: [] };
    fields.push(field);
    count++;
    for (let c = 1; c <= 40 && count < rows; c++) {
      const subs: CriterionNode[] = [];
      for (let s = 1; s <= 2 + ((f + c) % 4); s++) {
        const { children: _kids, row: _row, ...rules } = pool[taken++ % pool.length];
        subs.push({ ...rules, code: `${f}.${c}.${s}` });
      }
      const max = Math.round(subs.reduce((sum, s) => sum + s.maxPoints, 0) * 10000) / 10000;
      field.children?.push({ code: `${f}.${c}`, name: `Tiêu chí ${f}.${c} về cải cách hành chính`, maxPoints: max, children: subs });
      field.maxPoints = Math.round((field.maxPoints + max) * 10000) / 10000;
      count += subs.length + 1;
    }
  }
  return {
    id: 'generated-5000',
    title: 'Bộ tiêu chí sinh tự động 5000 dòng',
    year: 2024,
    levels: ['so'],
    version: '1',
    source: 'mẫu',
    period: { from: '2024-01-01', to: '2024-12-31' },
    evidenceWindow: { daysBefore: 31, daysAfter: 31 },
    sample: true,
    fields,
  };
}

const KINDS = ['Kế hoạch', 'Quyết định', 'Báo cáo', 'Công văn', 'Thông báo', 'Tờ trình', 'Biên bản', 'Chỉ thị', 'Hướng dẫn', 'Nghị quyết'];
const SYMBOLS = ['KH-UBND', 'QĐ-UBND', 'BC-STP', 'UBND-VP', 'TB-SNV', 'TTr-STP', 'BB-UBND', 'CT-UBND', 'HD-SNV', 'NQ-HĐND', 'KH-STP', 'QĐ-SNV'];
const FRAGMENTS = [
  'ngày', 'tháng', 'năm', 'số', 'Số:', 'Kế hoạch', 'Báo cáo', 'Công văn', 'QĐ', 'KH', 'UBND', 'SNV-CCHC', '386', '07', '6',
  '2024', '12/2023', '31/02/2024', '/', '-', '.', ':', ';', ',', '(', ')', ' ', '  ', '\n', 'https://', 'www.', '.gov.vn',
  'mục', 'II', 'trang', 'điểm a', 'khoản', 'Điều', 'Ð', 'đ', '%', 'localhost', 'C:\\Tai lieu\\', '.pdf', '…', '___',
];
const LINKS = ['https://sotp.backan.gov.vn/van-ban/kh-12.pdf', 'www.backan.gov.vn/tin-tuc', 'http://localhost:8080/x', 'javascript:alert(1)', 'file:///C:/tai-lieu/bc.pdf', 'C:\\Users\\cchc\\Desktop\\QD 15.docx', 'https://drive.google.com/file/d/abc/view'];

/** A whole reading of the generated sheet with its answers, and the reference it is validated against. */
export interface GeneratedSheet {
  reading: UnitReading;
  reference: CriteriaSet;
}

function answersFor(set: CriteriaSet, rows: Map<string, number>, seed: number): Answer[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const day = () => 1 + Math.floor(r() * 28);
  const month = () => 1 + Math.floor(r() * 12);
  const year = () => pick([2023, 2024, 2024, 2024, 2024, 2025, 2026]);
  const num = () => String(1 + Math.floor(r() * 400));
  const doc = (): string => {
    const kind = pick(KINDS);
    const d = `${day()}/${month()}/${year()}`;
    switch (Math.floor(r() * 9)) {
      case 0: return `${kind} số ${num()}/${pick(SYMBOLS)} ngày ${d}`;
      case 1: return `${kind} ${num()}/${pick(SYMBOLS)} ngày ${day()} tháng ${month()} năm ${year()}`;
      case 2: return `${kind} số ${num()}/${year()}/${pick(SYMBOLS)} ngày ${d} của UBND tỉnh`;
      case 3: return `${kind} số …/${pick(SYMBOLS)} ngày ${d}`;
      case 4: return `${kind} ngày ${d}`;
      case 5: return `${kind} số ${num()}/${pick(SYMBOLS)}, ${pick(['mục II', 'điểm a khoản 2 Điều 5', 'trang 3', 'phụ lục 1'])}`;
      case 6: return `${pick(LINKS)}`;
      case 7: return `${kind.toUpperCase()} SỐ ${num()}/${pick(SYMBOLS)} NGÀY ${d}`;
      default: return `${kind} số ${num()} /${pick(SYMBOLS)} ngày ${day()}-${month()}-${year()}`;
    }
  };
  const evidence = (): CellValue | undefined => {
    const x = r();
    if (x < 0.08) return undefined;
    if (x < 0.1) return '';
    if (x < 0.16) return Array.from({ length: 1 + Math.floor(r() * 12) }, () => pick(FRAGMENTS)).join('');
    if (x < 0.18) return pick(['Có', 'x', 'Đã thực hiện', 'Theo quy định', 0, 12, { error: '#REF!' }]);
    const n = 1 + Math.floor(r() * 3);
    return Array.from({ length: n }, doc).join(pick(['; ', '\n', ', ', ' và ', '\n- ']));
  };
  const shared = Array.from({ length: 40 }, doc);
  const score = (max: number): CellValue | undefined => {
    const x = r();
    if (x < 0.62) return max;
    if (x < 0.72) return 0;
    if (x < 0.77) return undefined;
    if (x < 0.8) return max / 2;
    if (x < 0.83) return max + 1;
    if (x < 0.85) return -1;
    if (x < 0.88) return String(max).replace('.', ',');
    if (x < 0.9) return pick(['abc', 'Có', '', { error: '#VALUE!' }, true]);
    return Math.round(max * r() * 100) / 100;
  };
  const out: Answer[] = [];
  const walk = (n: CriterionNode) => {
    const row = rows.get(n.code);
    const a: Answer = { code: n.code, ...(row !== undefined ? { row } : {}) };
    const leaf = !n.children?.length;
    if (leaf) {
      const s = score(n.maxPoints);
      if (s !== undefined) a.selfScore = s;
      const e = r() < 0.05 ? pick(shared) : evidence();
      if (e !== undefined) a.evidence = e;
      if (r() < 0.15) a.explanation = pick(['Đơn vị đã thực hiện đầy đủ', 'Chưa ban hành do sáp nhập', `Xem ${pick(LINKS)}`, 'Báo cáo số 12/BC-UBND ngày 05/01/2025']);
      if (r() < 0.1) a.declared = pick(['Có', 'Không', 'Không áp dụng', '80%', 'Đạt', 1]);
      if (r() < 0.05) a.appraisedScore = pick([n.maxPoints, 0, n.maxPoints + 2, -1, 'x']);
      if (r() < 0.03) a.links = [{ field: 'evidence', target: pick(LINKS), shown: 'Tài liệu' }];
    } else {
      const x = r();
      if (x < 0.7) a.selfScore = n.maxPoints;
      else if (x < 0.85) a.selfScore = Math.round(n.maxPoints * r() * 100) / 100;
      else if (x < 0.9) a.selfScore = 'tổng';
    }
    out.push(a);
    n.children?.forEach(walk);
  };
  set.fields.forEach(walk);
  return out;
}

/** The generated sheet (read from a real template file) with answers drawn from `seed`, and its reference. */
export async function generatedSheet(rows = 5000, seed = 15): Promise<GeneratedSheet> {
  const set = generatedSet(rows);
  const template = await writeSpecToBuffer(buildTemplate(set, { name: 'Sở Tư pháp', level: 'so' }));
  const read = readUnitWorkbook(await readWorkbookBuffer(template, 'generated.xlsx'), { file: 'generated.xlsx' });
  if (!read.ok) throw new Error('the generated template does not read back');
  const reading: UnitReading = { ...read, answers: answersFor(read.set, read.rowOf, seed) };
  const reference = JSON.parse(JSON.stringify(set)) as CriteriaSet;
  // A row the reference lacks, one it has more, an edited maximum, a renamed criterion.
  const f2 = reference.fields[1].children ?? [];
  const gone = f2[3].children?.pop() as CriterionNode;
  f2[3].maxPoints = Math.round((f2[3].maxPoints - gone.maxPoints) * 10000) / 10000;
  const f3 = reference.fields[2].children ?? [];
  f3[5].children?.push({ code: `${f3[5].code}.9`, name: 'Tiêu chí thành phần thêm trong bộ tham chiếu', maxPoints: 1, method: '- Có: Điểm tối đa\n- Không: 0 điểm' });
  f3[5].maxPoints += 1;
  const f4 = reference.fields[3].children ?? [];
  (f4[2].children as CriterionNode[])[0].maxPoints += 0.5;
  f4[2].maxPoints += 0.5;
  f4[7].name = 'Tiêu chí đổi tên hoàn toàn khác';
  return { reading, reference };
}
