/**
 * Excel adapter bench on the stand-in: syncs, request and response bytes and time to open
 * the form (read the workbook) and to write all answers, for generated self-scoring sheets,
 * plus one 30,000-row read (sliced under the 5 MB response cap).
 * bench/run.ts calls excelBench and prints the rows.
 */
import ExcelJS from 'exceljs';
import { applyPlan, readWorkbook, type ExcelRun } from '../src/excel';
import { createStandIn } from '../src/preview/standin';
import type { WriteValue } from '../src/workbook/grid';

export interface ExcelBenchRow {
  operation: string;
  rows: number;
  syncs: number;
  requestBytes: number;
  /** Largest single response: what the 5 MB cap limits. */
  maxResponseBytes: number;
  ms: number;
}

const SHEET = 'Tự chấm';

function workbook(rows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024']);
  ws.addRow(['STT', 'Tiêu chí, tiêu chí thành phần', 'Điểm tối đa', 'Cách tính điểm', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Giải trình']);
  for (let i = 0; i < rows; i++) {
    ws.addRow([`${1 + Math.floor(i / 100)}.${1 + (Math.floor(i / 10) % 10)}.${1 + (i % 10)}`, `Tiêu chí thành phần số ${i + 1}`, 1,
      'Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm']);
  }
  return wb;
}

function answers(rows: number): WriteValue[][] {
  return Array.from({ length: rows }, (_, i) => [
    i % 2 === 0 ? 1 : 0.5,
    `Kế hoạch số ${i + 1}/KH-UBND ngày 07/6/2024 của UBND tỉnh; https://snv.backan.gov.vn/vb/${i + 1}`,
    i % 5 === 0 ? 'Văn bản đang trình ký, sẽ bổ sung trước ngày 15/12/2024.' : null,
  ]);
}

/** A read far beyond one 5 MB response. */
const LARGE_READ_ROWS = 30_000;

export async function excelBench(rowCounts: number[]): Promise<ExcelBenchRow[]> {
  const out: ExcelBenchRow[] = [];
  for (const rows of [...rowCounts, LARGE_READ_ROWS]) {
    const standIn = createStandIn(workbook(rows));
    const run: ExcelRun = standIn.run;
    const measure = async (operation: string, work: () => Promise<unknown>) => {
      standIn.reset();
      const start = performance.now();
      await work();
      const ms = performance.now() - start;
      const { requests, syncs } = standIn.stats;
      const requestBytes = requests.reduce((n, r) => n + r.bytes, 0);
      const maxResponseBytes = Math.max(0, ...requests.map((r) => r.responseBytes));
      out.push({ operation, rows, syncs, requestBytes, maxResponseBytes, ms: Math.round(ms) });
    };
    await measure('open form (read)', () => readWorkbook(run));
    if (rows === LARGE_READ_ROWS) continue;
    await measure('write all answers', () =>
      applyPlan(run, { blocks: [{ sheet: SHEET, row: 2, col: 4, values: answers(rows) }] }, { isSetSupported: standIn.isSetSupported }),
    );
  }
  return out;
}
