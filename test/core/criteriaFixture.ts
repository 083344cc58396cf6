/**
 * A small, realistic unit-level criteria set (a SAMPLE made for tests, not an official
 * table): 3 fields, 13 rows, methods written as in real sets, one survey row, one row
 * that may be declared "Không áp dụng" and one bonus row. Rows are numbered as if read
 * from a sheet whose table starts at row 8.
 */
import type { CriteriaSet, CriterionNode } from '../../src/core/criteria';

export const M_YES_NO = '- Có ban hành văn bản tổ chức triển khai thực hiện: Điểm tối đa\n- Không ban hành: 0 điểm';
export const M_PERCENT = 'Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm';
export const M_GRADES = 'Hoàn thành xuất sắc: Điểm tối đa\nHoàn thành tốt: 75% điểm\nHoàn thành: 50% điểm';
export const M_DEDUCTION = 'Có vi phạm: Trừ điểm theo mức độ';
export const M_SURVEY = 'Điểm đánh giá thông qua điều tra xã hội học';

export function sampleSet(): CriteriaSet {
  const fields: CriterionNode[] = [
    {
      code: '1', name: 'Công tác chỉ đạo, điều hành cải cách hành chính', maxPoints: 4, row: 8,
      children: [
        {
          code: '1.1', name: 'Kế hoạch cải cách hành chính năm', maxPoints: 2, row: 9,
          children: [
            { code: '1.1.1', name: 'Ban hành kế hoạch CCHC năm kịp thời', maxPoints: 1, row: 10, method: M_YES_NO, evidence: 'Kế hoạch CCHC năm của đơn vị' },
            { code: '1.1.2', name: 'Mức độ thực hiện kế hoạch CCHC', maxPoints: 1, row: 11, method: M_PERCENT, evidence: 'Báo cáo kết quả thực hiện kế hoạch CCHC năm' },
          ],
        },
        { code: '1.2', name: 'Kết quả đánh giá, xếp loại công tác CCHC', maxPoints: 1.5, row: 12, method: M_GRADES, evidence: 'Quyết định công nhận kết quả' },
        { code: '1.3', name: 'Chấp hành chế độ thông tin, báo cáo', maxPoints: 0.5, row: 13, method: M_DEDUCTION, evidence: 'Báo cáo CCHC định kỳ' },
      ],
    },
    {
      code: '2', name: 'Cải cách thủ tục hành chính', maxPoints: 3, row: 14,
      children: [
        { code: '2.1', name: 'Công khai thủ tục hành chính đầy đủ, đúng quy định', maxPoints: 1, row: 15, method: M_YES_NO },
        {
          code: '2.2', name: 'Giải quyết thủ tục hành chính liên thông', maxPoints: 1, row: 16,
          method: 'Có thực hiện: Điểm tối đa; Không thực hiện: 0 điểm', notApplicableAllowed: true,
        },
        { code: '2.3', name: 'Mức độ hài lòng của người dân, tổ chức', maxPoints: 1, row: 17, method: M_SURVEY },
      ],
    },
    {
      code: '3', name: 'Cải cách tổ chức bộ máy hành chính nhà nước', maxPoints: 2, row: 18,
      children: [
        {
          code: '3.1', name: 'Tỷ lệ giảm biên chế so với năm 2015', maxPoints: 2, row: 19,
          method: 'Đạt 100% kế hoạch: 2 điểm; từ 90% đến dưới 100%: 1 điểm; dưới 90%: 0 điểm',
        },
        { code: '3.2', name: 'Điểm cộng: sáng kiến CCHC được công nhận', maxPoints: 0.5, row: 20, bonus: true, method: 'Có: 0,5 điểm; Không: 0 điểm' },
      ],
    },
  ];
  return {
    id: 'mau-so-2024',
    title: 'Bộ tiêu chí mẫu xác định Chỉ số CCHC sở, ban, ngành năm 2024 (MẪU, chỉ để kiểm thử)',
    year: 2024,
    levels: ['so'],
    version: '1',
    source: 'mẫu',
    sample: true,
    period: { from: '2024-01-01', to: '2024-12-31' },
    fields,
  };
}

/** The node with this code in a set (for editing one in a test). */
export function nodeOf(set: CriteriaSet, code: string): CriterionNode {
  const walk = (nodes: CriterionNode[]): CriterionNode | undefined => {
    for (const n of nodes) {
      if (n.code === code) return n;
      const hit = walk(n.children ?? []);
      if (hit) return hit;
    }
    return undefined;
  };
  const hit = walk(set.fields);
  if (!hit) throw new Error(`no node ${code}`);
  return hit;
}
