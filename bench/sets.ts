/** Criteria sets of a given number of rows, made in memory for benchmarks. */
import type { CriteriaSet, CriterionNode } from '../src/core/criteria';
import type { AnswerChange } from '../src/workbook/answers';

const METHOD = '- Có ban hành kế hoạch: Điểm tối đa\n- Không ban hành: 0 điểm';
const SUBS = 4;

/** Fields of criteria of SUBS sub-criteria (1 point each), `rows` rows in all (give or take a few). */
export function benchSet(rows: number): CriteriaSet {
  const fields: CriterionNode[] = [];
  let count = 0;
  const perField = Math.max(1, Math.round(rows / 10));
  while (count < rows) {
    const f = fields.length + 1;
    const field: CriterionNode = { code: String(f), name: `Lĩnh vực ${f}`, maxPoints: 0, children: [] };
    fields.push(field);
    count++;
    for (let c = 1; count < rows && (field.children?.length ?? 0) * (SUBS + 1) < perField; c++) {
      const subs = Array.from({ length: SUBS }, (_, s): CriterionNode => ({
        code: `${f}.${c}.${s + 1}`,
        name: `Tiêu chí thành phần ${f}.${c}.${s + 1}: ban hành kế hoạch thực hiện nhiệm vụ`,
        maxPoints: 1,
        method: METHOD,
        evidence: 'Kế hoạch của đơn vị',
      }));
      field.children?.push({ code: `${f}.${c}`, name: `Tiêu chí ${f}.${c}`, maxPoints: SUBS, children: subs });
      field.maxPoints += SUBS;
      count += SUBS + 1;
    }
  }
  return {
    id: `bench-${rows}`,
    title: `Bộ tiêu chí thử hiệu năng ${rows} dòng`,
    year: 2024,
    levels: ['so'],
    version: '1',
    source: 'mẫu',
    period: { from: '2024-01-01', to: '2024-12-31' },
    sample: true,
    fields,
  };
}

/** A full score and an evidence entry for every sub-criterion. */
export function benchAnswers(set: CriteriaSet): AnswerChange[] {
  return set.fields.flatMap((f) =>
    (f.children ?? []).flatMap((c) =>
      (c.children ?? []).map((s) => ({ code: s.code, selfScore: 1, evidence: `Kế hoạch số ${s.code.replace(/\./g, '')}/KH-STP ngày 20/01/2024` })),
    ),
  );
}

export function countRows(set: CriteriaSet): number {
  const walk = (n: CriterionNode): number => 1 + (n.children ?? []).reduce((s, c) => s + walk(c), 0);
  return set.fields.reduce((s, f) => s + walk(f), 0);
}
