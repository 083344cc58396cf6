import { planAnswers } from '../../src/workbook/answers';
import { WorkbookError } from '../../src/workbook/errors';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import { soTuPhapSheet } from './grids';

function reading(): UnitReading {
  const r = readUnitWorkbook({ sheets: [soTuPhapSheet()] });
  if (!r.ok) throw new Error('not read');
  return r;
}

describe('planAnswers', () => {
  const r = reading();

  it('writes exactly the named cells, one block per run of adjacent cells in a column', () => {
    const plan = planAnswers(r, [
      { code: '2.1', selfScore: 0.5, evidence: '=Báo cáo số 10/BC-STP' },
      { code: '2.2', selfScore: '0,5' },
      { code: '2.4', selfScore: 0 , explanation: 'Chưa ban hành báo cáo; sẽ bổ sung trong quý I/2025' },
      { code: '1.1', evidence: 'https://vbdh.backan.gov.vn/van-ban/15' },
    ]);
    expect(plan.blocks).toEqual([
      { sheet: 'Tự chấm điểm', row: 15, col: 3, values: [[0.5], ['0,5']] },
      { sheet: 'Tự chấm điểm', row: 18, col: 3, values: [[0]] },
      { sheet: 'Tự chấm điểm', row: 11, col: 6, values: [['https://vbdh.backan.gov.vn/van-ban/15']] },
      { sheet: 'Tự chấm điểm', row: 15, col: 6, values: [['=Báo cáo số 10/BC-STP']] },
      { sheet: 'Tự chấm điểm', row: 18, col: 7, values: [['Chưa ban hành báo cáo; sẽ bổ sung trong quý I/2025']] },
    ]);
  });

  it('clears a cell with null, accepts codes with a trailing dot, and the last change of a cell wins', () => {
    const plan = planAnswers(r, [
      { code: '3.2.', selfScore: 1 },
      { code: '3.2', selfScore: null, appraisedScore: 2 },
    ]);
    expect(plan.blocks).toEqual([
      { sheet: 'Tự chấm điểm', row: 28, col: 3, values: [[null]] },
      { sheet: 'Tự chấm điểm', row: 28, col: 4, values: [[2]] },
    ]);
  });

  it('writes nothing for no change', () => {
    expect(planAnswers(r, [{ code: '1.1' }])).toEqual({ blocks: [] });
  });

  it.each([
    [{ code: '9.9', selfScore: 1 }, 'CODE_NOT_IN_SHEET', 'Không có tiêu chí 9.9 trong trang tính "Tự chấm điểm"'],
    [{ code: '1.1', declared: 'Có' }, 'COLUMN_MISSING', 'không có cột "Số liệu kê khai"'],
    [{ code: '1.1', appraisalReason: 'Đủ hồ sơ' }, 'COLUMN_MISSING', 'không có cột "Lý do thẩm định"'],
    [{ code: '2', selfScore: 5 }, 'PARENT_ROW', 'Tiêu chí 2 có tiêu chí con'],
  ])('refuses %j with a typed Vietnamese error', (change, code, text) => {
    try {
      planAnswers(r, [change]);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookError);
      expect((e as WorkbookError).code).toBe(code);
      expect((e as WorkbookError).message).toContain(text);
    }
  });

  it('refuses the whole plan when one change is refused', () => {
    expect(() => planAnswers(r, [{ code: '1.1', selfScore: 2 }, { code: 'X', selfScore: 1 }])).toThrow(WorkbookError);
  });
});
