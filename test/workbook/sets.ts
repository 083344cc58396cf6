/**
 * A criteria set in the Roman-field style (a SAMPLE made for tests, not an official
 * table): criteria numbered on across fields, a criterion with ten sub-criteria (1.10),
 * a survey row, a row that may be declared "Không áp dụng" and a bonus section.
 */
import type { CriteriaSet, CriterionNode } from '../../src/core/criteria';

const YES_NO = '- Có ban hành văn bản tổ chức triển khai thực hiện: Điểm tối đa\n- Không ban hành: 0 điểm';

export function romanSet(): CriteriaSet {
  const reports: CriterionNode[] = Array.from({ length: 10 }, (_, i) => ({
    code: `1.${i + 1}`,
    name: `Báo cáo chuyên đề về cải cách hành chính số ${i + 1}`,
    maxPoints: 0.5,
    method: 'Có báo cáo đúng hạn: Điểm tối đa; Không có báo cáo: 0 điểm',
    evidence: 'Báo cáo chuyên đề',
  }));
  return {
    id: 'mau-so-2024',
    title: 'Bộ tiêu chí mẫu Chỉ số CCHC các sở, ban, ngành (MẪU)',
    year: 2024,
    levels: ['so'],
    version: '1',
    source: 'mẫu',
    sample: true,
    period: { from: '2024-01-01', to: '2024-12-31' },
    fields: [
      {
        code: 'I',
        name: 'Công tác chỉ đạo, điều hành cải cách hành chính',
        maxPoints: 7,
        children: [
          { code: '1', name: 'Báo cáo định kỳ', maxPoints: 5, children: reports },
          {
            code: '2',
            name: 'Mức độ thực hiện kế hoạch CCHC',
            maxPoints: 2,
            method: 'Hoàn thành 100% kế hoạch: 2 điểm; từ 80% đến dưới 100%: 1,5 điểm; dưới 80%: 0 điểm',
            evidence: 'Báo cáo kết quả thực hiện kế hoạch CCHC năm',
          },
        ],
      },
      {
        code: 'II',
        name: 'Cải cách thủ tục hành chính',
        maxPoints: 4,
        children: [
          { code: '3', name: 'Công khai thủ tục hành chính', maxPoints: 1, method: YES_NO, evidence: 'Quyết định công bố TTHC' },
          {
            code: '4',
            name: 'Giải quyết thủ tục hành chính liên thông',
            maxPoints: 1,
            method: 'Có thực hiện: Điểm tối đa; Không thực hiện: 0 điểm; Không áp dụng nếu đơn vị không có TTHC liên thông',
            notApplicableAllowed: true,
          },
          { code: '5', name: 'Mức độ hài lòng của người dân, tổ chức', maxPoints: 1, method: 'Điểm đánh giá thông qua điều tra xã hội học', scoredBy: 'survey' },
          { code: '6', name: 'Xử lý vi phạm trong giải quyết TTHC', maxPoints: 1, method: 'Có vi phạm: Trừ điểm theo mức độ' },
        ],
      },
      {
        code: 'III',
        name: 'Điểm cộng',
        maxPoints: 1,
        bonus: true,
        children: [{ code: '7', name: 'Sáng kiến CCHC được công nhận', maxPoints: 1, method: 'Có sáng kiến được công nhận: 1 điểm' }],
      },
    ],
  };
}

/** A copy without sheet rows, to compare a set read back with the one written. */
export function withoutRows(nodes: CriterionNode[]): CriterionNode[] {
  return nodes.map(({ row: _row, children, ...rest }) => ({ ...rest, ...(children ? { children: withoutRows(children) } : {}) }));
}
