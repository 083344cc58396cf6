/**
 * The content hash covers the final appraisal ("Điểm thẩm định lần 2", "Lý do thẩm định
 * lần 2"): a change there changes it. Workbooks without those columns, or with them
 * blank, keep the hashes they had before (frozen here from the code before the change),
 * so a sheet checked then is not reported as changed since.
 */
import { contentHash } from '../../src/workbook/contentHash';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/read';
import { appraisedBytes, type AppraisedRow } from './appraisalFixture';

const SAMPLE = 'data/samples/so-tu-phap-2024.xlsx';

async function appraised(rows: Record<string, AppraisedRow>): Promise<UnitReading> {
  const r = readUnitWorkbook(await readWorkbookBuffer(await appraisedBytes(rows), 'tham-dinh.xlsx'));
  if (!r.ok) throw new Error('the appraised workbook has no score table');
  return r;
}

describe('contentHash and the final appraisal', () => {
  it('is unchanged for a workbook without the final-appraisal columns (the sample, hashed before they counted)', async () => {
    const r = readUnitWorkbook(await readWorkbookFile(SAMPLE));
    if (!r.ok) throw new Error('the sample has no score table');
    expect(r.layout.columns.finalScore).toBeUndefined();
    expect(contentHash(r)).toBe('ae835116b3715bff540eb3d63e51d62d9f77443c1b1eec483127efe0b284f9e3');
  });

  it('is unchanged for a workbook with the columns left blank', async () => {
    const r = await appraised({ '1': { self: 1, appraised: 0.5, reason: 'Thiếu' } });
    expect(r.layout.columns.finalScore).toBeDefined();
    expect(r.layout.columns.finalReason).toBeDefined();
    expect(contentHash(r)).toBe('22d5928e156e9421153b689067a7aabe0a02e0905f43e4353a703f082c765ecf');
  });

  it('changes with the final score and with the final reason, and tells them apart', async () => {
    const base = { self: 1, appraised: 0.5, reason: 'Thiếu' };
    const blank = contentHash(await appraised({ '1': base }));
    const score = contentHash(await appraised({ '1': { ...base, final: 1 } }));
    const otherScore = contentHash(await appraised({ '1': { ...base, final: 0.75 } }));
    const reason = contentHash(await appraised({ '1': { ...base, finalReason: 'Đã giải trình đủ' } }));
    const both = contentHash(await appraised({ '1': { ...base, final: 1, finalReason: 'Đã giải trình đủ' } }));
    expect(new Set([blank, score, otherScore, reason, both]).size).toBe(5);
    // Re-wrapping the reason is no change.
    expect(contentHash(await appraised({ '1': { ...base, final: 1, finalReason: 'Đã  giải trình\nđủ' } }))).toBe(both);
  });

  it('does not take a final score on one row for the same on another', async () => {
    const base = { self: 1, appraised: 0.5 };
    const one = contentHash(await appraised({ '1': { ...base, final: 1 }, '2': base }));
    const two = contentHash(await appraised({ '1': base, '2': { ...base, final: 1 } }));
    expect(one).not.toBe(two);
  });
});
