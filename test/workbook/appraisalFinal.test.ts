/**
 * The final appraisal (thẩm định lần 2) and the appraisal log in the workbook layer, on
 * real .xlsx bytes: the template with appraisal columns written by the xlsx adapter and
 * read back, the final columns found by their headers, the final score ranking ahead of
 * the first, its checks, and the log entries of a batch of changes.
 */
import type { CellValue } from '../../src/core/answers';
import { lookupCriteria } from '../../src/core/criteriaSet';
import { computeTotals } from '../../src/core/totals';
import { finalScoreErrors, requestFileName, requestFor } from '../../src/workbook/appraisal';
import { localSerial } from '../../src/core/clock';
import { appraisalLogEntries, LOG_FORMATS, LOG_HEADERS, LOG_STAGES, logRows, readAppraisalLog, replyLogEntries } from '../../src/workbook/appraisalLog';
import { classifyHeader } from '../../src/workbook/headers';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import { readWorkbookBuffer } from '../../src/xlsx/buffer';
import { appraisedBytes, type AppraisedRow } from './appraisalFixture';

/** The sample template with appraisal columns, rows typed in, written to .xlsx and read back. */
async function appraised(rows: Record<string, AppraisedRow>): Promise<UnitReading> {
  const grid = await readWorkbookBuffer(await appraisedBytes(rows), 'so-tu-phap.xlsx');
  const reading = readUnitWorkbook(grid, { file: 'so-tu-phap.xlsx' });
  if (!reading.ok) throw new Error('workbook not read');
  return reading;
}

describe('the final appraisal columns', () => {
  it.each([
    ['Điểm thẩm định lần 2', 'finalScore'],
    ['Thẩm định lần 2', 'finalScore'],
    ['Điểm thẩm định lại', 'finalScore'],
    ['Lý do thẩm định lần 2', 'finalReason'],
    ['Ý kiến thẩm định lần 2', 'finalReason'],
    ['Điểm thẩm định', 'appraisedScore'],
    ['Lý do thẩm định', 'appraisalReason'],
  ])('"%s" is the %s column', (header, key) => {
    expect(classifyHeader(header)).toBe(key);
  });

  it('the template with appraisal carries them beside the first appraisal, and the reader returns their values', async () => {
    const r = await appraised({ '2': { self: 2, appraised: 1.5, reason: 'Thiếu báo cáo', final: 2, finalReason: 'Đã bổ sung báo cáo' } });
    const col = r.layout.columns;
    expect([col.appraisedScore, col.appraisalReason, col.finalScore, col.finalReason].map((c) => (c as number) - (col.appraisedScore as number))).toEqual([0, 1, 2, 3]);
    const a = r.answers.find((x) => x.code === '2');
    expect(a).toMatchObject({ appraisedScore: 1.5, appraisalReason: 'Thiếu báo cáo', finalScore: 2, finalReason: 'Đã bổ sung báo cáo' });
  });

  it('ranks on the final appraisal where given, else the first appraisal, else the self-score', async () => {
    const r = await appraised({
      '1': { self: 1, appraised: 0, final: 1 },
      '2': { self: 2, appraised: 1.5 },
      '5': { self: 2 },
    });
    const totals = computeTotals(lookupCriteria(r.set), r.answers);
    expect(totals.byCode.get('1')).toMatchObject({ self: 1, appraised: 1, final: 1 });
    expect(totals.byCode.get('2')).toMatchObject({ self: 2, appraised: 1.5, final: 1.5 });
    expect(totals.byCode.get('5')).toMatchObject({ self: 2, final: 2 });
    expect(totals.final).toBe(4.5);
    // Without the final appraisal the first one counts: 0 for criterion 1.
    const first = computeTotals(lookupCriteria(r.set), r.answers.map((a) => ({ ...a, finalScore: null })));
    expect(first.final).toBe(3.5);
  });

  it.each([
    [3, /vượt điểm tối đa 2/],
    [-1, /điểm âm/],
    ['hai', /không phải là số/],
    [0.5, /không thuộc các mức điểm/],
  ])('refuses a final score of %p', async (value, reason) => {
    const r = await appraised({});
    const entry = lookupCriteria(r.set).byCode.get('2')!;
    const errors = finalScoreErrors(entry, value, r.sheet);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'APPRAISED_INVALID', criterion: '2', field: 'finalScore' });
    expect(JSON.stringify(errors[0].params)).toMatch(reason);
  });

  it('takes a final score that is a level of the method, or blank', async () => {
    const r = await appraised({});
    const entry = lookupCriteria(r.set).byCode.get('2')!;
    expect(finalScoreErrors(entry, 1.5, r.sheet)).toEqual([]);
    expect(finalScoreErrors(entry, null, r.sheet)).toEqual([]);
  });

  it('a request is made from the first appraisal, named by unit', async () => {
    const r = await appraised({ '2': { self: 2, appraised: 1.5, reason: 'Thiếu báo cáo', final: 2 } });
    const made = requestFor(r, 'so-tu-phap.xlsx');
    expect(made.ok && made.diffs.map((d) => [d.code, d.self, d.appraised])).toEqual([['2', 2, 1.5]]);
    expect(requestFileName('Sở Tư pháp')).toBe('yeu-cau-giai-trinh-so-tu-phap.xlsx');
    expect(requestFileName('UBND huyện Chợ Đồn')).toBe('yeu-cau-giai-trinh-ubnd-huyen-cho-don.xlsx');
  });
});

/** 20/12/2024 14:58 as Excel stores it: 45646 days after 30/12/1899, and 14:58 of the day. */
const T1458 = (45646 * 1440 + 14 * 60 + 58) / 1440;

describe('the appraisal log', () => {
  it('one entry per appraisal cell a batch really changes, with its stage and the row\'s reason', async () => {
    const r = await appraised({ '2': { self: 2, appraised: 1.5, reason: 'Thiếu báo cáo' } });
    const entries = appraisalLogEntries(
      r,
      [
        { code: '2', finalScore: 2, finalReason: 'Đã bổ sung báo cáo' },
        { code: '1', appraisedScore: 0, selfScore: 1 },
        { code: '2', appraisedScore: 1.5 },
      ],
      T1458,
    );
    expect(entries).toEqual([
      { time: T1458, code: '2', stage: LOG_STAGES.final, what: 'Điểm thẩm định lần 2', old: null, new: 2, reason: 'Đã bổ sung báo cáo', evidence: '' },
      { time: T1458, code: '2', stage: LOG_STAGES.final, what: 'Lý do thẩm định lần 2', old: null, new: 'Đã bổ sung báo cáo', reason: '', evidence: '' },
      { time: T1458, code: '1', stage: LOG_STAGES.first, what: 'Điểm thẩm định', old: null, new: 0, reason: '', evidence: '' },
    ]);
  });

  it('replies are logged once, the reply and its further evidence each in its own column; rows read back as entries', () => {
    const replies = [{ code: '2', row: 8, reply: 'Đã có báo cáo số 12/BC', evidence: 'https://example.gov.vn/bc-12' }];
    const first = replyLogEntries(replies, T1458);
    expect(first).toEqual([{ time: T1458, code: '2', stage: 'giải trình', what: 'Giải trình của đơn vị', old: null, new: 'Đã có báo cáo số 12/BC', reason: '', evidence: 'https://example.gov.vn/bc-12' }]);
    expect(replyLogEntries(replies, T1458 + 5 / 1440, first)).toEqual([]);
    expect(replyLogEntries([{ ...replies[0], evidence: 'https://example.gov.vn/bc-13' }], T1458, first)).toHaveLength(1);
    const rows = logRows(first);
    expect(rows).toEqual([[T1458, '2', 'giải trình', 'Giải trình của đơn vị', null, 'Đã có báo cáo số 12/BC', null, 'https://example.gov.vn/bc-12']]);
    expect(LOG_HEADERS[7]).toBe('Tài liệu bổ sung');
    const grid = { sheets: [{ name: 'Nhật ký thẩm định', values: [[...LOG_HEADERS], ...rows] as CellValue[][] }] };
    expect(readAppraisalLog(grid)).toEqual(first);
  });

  it('a log written before the evidence column (reply and "Tài liệu bổ sung: …" in one cell, ISO time) reads apart: its replies are not logged again', () => {
    const old = ['Thời gian', 'Mã tiêu chí', 'Giai đoạn', 'Nội dung', 'Giá trị cũ', 'Giá trị mới', 'Lý do'];
    const rows = [
      ['2024-12-20T14:58', '2', 'giải trình', 'Giải trình của đơn vị', null, 'Đã có báo cáo số 12/BC\nTài liệu bổ sung: https://example.gov.vn/bc-12', null],
      ['2024-12-20T14:58', '3', 'giải trình', 'Giải trình của đơn vị', null, 'Tài liệu bổ sung: https://example.gov.vn/kh-3', null],
      ['2024-12-20T14:58', '4', 'giải trình', 'Giải trình của đơn vị', null, 'Xem Tài liệu bổ sung: mục 2', null],
    ];
    const logged = readAppraisalLog({ sheets: [{ name: 'Nhật ký thẩm định', values: [old, ...rows] as CellValue[][] }] });
    expect(logged.map((e) => [e.time, e.new, e.evidence])).toEqual([
      ['2024-12-20T14:58', 'Đã có báo cáo số 12/BC', 'https://example.gov.vn/bc-12'],
      ['2024-12-20T14:58', null, 'https://example.gov.vn/kh-3'],
      ['2024-12-20T14:58', 'Xem Tài liệu bổ sung: mục 2', ''],
    ]);
    const replies = [
      { code: '2', row: 8, reply: 'Đã có báo cáo số 12/BC', evidence: 'https://example.gov.vn/bc-12' },
      { code: '3', row: 9, reply: '', evidence: 'https://example.gov.vn/kh-3' },
    ];
    expect(replyLogEntries(replies, T1458, logged)).toEqual([]);
  });

  it('the time is a date cell: the local clock as an Excel serial, shown dd/mm/yyyy hh:mm', () => {
    expect(localSerial(new Date(2024, 11, 20, 14, 58, 42))).toBe(T1458);
    expect(LOG_FORMATS[0]).toBe('dd/mm/yyyy hh:mm');
  });
});
