/**
 * Makes data/samples/so-tu-phap-2024.xlsx: the template of the sample 2024 criteria set
 * for Sở Tư pháp, partly filled with realistic answers and a few planted mistakes that
 * `chiso validate` must report. Run: npx tsx scripts/make-sample.ts
 *
 * Planted mistakes (criterion: what):
 *   1.1.2 a score above the maximum (1,5 for max 1)
 *   1.1.1 a score typed as text with a decimal comma ("0,5", the "late" level)
 *   1.4   evidence dated 2023, outside the 2024 assessment period
 *   1.6   a javascript: link as evidence
 *   2.2.1 a score > 0 without evidence or explanation
 *   2.4   the maximum points edited (1,5 -> 2)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkCriteriaSet } from '../src/core/criteriaSet';
import type { AnswerChange } from '../src/workbook/answers';
import { planAnswers } from '../src/workbook/answers';
import { readUnitWorkbook } from '../src/workbook/read';
import { buildTemplate } from '../src/workbook/template';
import { readWorkbookBuffer } from '../src/xlsx/read';
import { applyPlanToBuffer, writeSpecToBuffer } from '../src/xlsx/write';

const ROOT = resolve(__dirname, '..');
const SET = resolve(ROOT, 'data/criteria/so-2024.json');
const OUT = resolve(ROOT, 'data/samples/so-tu-phap-2024.xlsx');
const PORTAL = 'https://sotuphap.backan.gov.vn';

const ANSWERS: AnswerChange[] = [
  { code: '1.1.1', selfScore: '0,5', evidence: 'Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp về cải cách hành chính năm 2024 (ban hành sau thời hạn)' },
  { code: '1.1.2', selfScore: 1.5, declared: '100%', evidence: 'Báo cáo số 312/BC-STP ngày 10/12/2024 của Sở Tư pháp (mục II, trang 3)' },
  { code: '1.2', selfScore: 1, evidence: `Báo cáo số 98/BC-STP ngày 15/6/2024; ${PORTAL}/cai-cach-hanh-chinh/bao-cao-6-thang-2024` },
  { code: '1.3.1', selfScore: 0.5, evidence: 'Kế hoạch số 27/KH-STP ngày 05/02/2024 kiểm tra công tác CCHC' },
  { code: '1.3.2', selfScore: 0.5, declared: '100%', evidence: 'Báo cáo số 280/BC-STP ngày 25/11/2024 kết quả kiểm tra CCHC' },
  { code: '1.3.3', selfScore: 0.25, declared: '85%', explanation: 'Còn 03/20 kiến nghị đang xử lý, dự kiến hoàn thành trong quý I/2025' },
  { code: '1.4', selfScore: 1, evidence: 'Kế hoạch số 210/KH-STP ngày 28/12/2023 tuyên truyền CCHC' },
  { code: '1.5', selfScore: 1.5, evidence: `${PORTAL}/tin-tuc/ket-qua-thuc-hien-nhiem-vu-2024` },
  { code: '1.6', selfScore: 1, evidence: 'Kế hoạch số 40/KH-STP ngày 14/3/2024: javascript:void(0)' },
  { code: '2.1.1', selfScore: 1, declared: '100%', evidence: 'Báo cáo số 301/BC-STP ngày 02/12/2024 về xây dựng văn bản QPPL' },
  { code: '2.1.2', selfScore: 1, evidence: 'Báo cáo số 301/BC-STP ngày 02/12/2024 (mục I.2)' },
  { code: '2.2.1', selfScore: 0.5 },
  { code: '2.2.2', selfScore: 0.5, declared: '90%', evidence: 'Báo cáo số 305/BC-STP ngày 06/12/2024 theo dõi thi hành pháp luật' },
  { code: '2.3.1', selfScore: 0.5, evidence: 'Kế hoạch số 12/KH-STP ngày 18/01/2024 rà soát văn bản QPPL' },
  { code: '2.4', selfScore: 1.5, declared: '100%', evidence: `Báo cáo số 290/BC-STP ngày 28/11/2024; ${PORTAL}/pho-bien-giao-duc-phap-luat/bao-cao-2024` },
];

async function main(): Promise<void> {
  const checked = checkCriteriaSet(JSON.parse(readFileSync(SET, 'utf8')));
  if (!checked.set) throw new Error(`Invalid criteria set ${SET}: ${JSON.stringify(checked.findings)}`);
  const template = await writeSpecToBuffer(buildTemplate(checked.set, { name: 'Sở Tư pháp', level: 'so' }, { issuer: 'UBND TỈNH BẮC KẠN' }));
  const reading = readUnitWorkbook(await readWorkbookBuffer(template, 'so-tu-phap-2024.xlsx'));
  if (!reading.ok) throw new Error(`The template does not read back: ${JSON.stringify(reading.findings)}`);
  const plan = planAnswers(reading, ANSWERS);
  // The edited maximum is not an answer: written straight into the definition column.
  const row = reading.rowOf.get('2.4');
  const col = reading.layout.columns.maxPoints;
  if (row === undefined || col === undefined) throw new Error('criterion 2.4 or the maximum column is missing');
  plan.blocks.push({ sheet: reading.sheet, row: row - 1, col, values: [[2]] });
  const { data } = await applyPlanToBuffer(template, plan, 'so-tu-phap-2024.xlsx');
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, data);
  console.error(`Wrote ${OUT} (${data.length} bytes).`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
