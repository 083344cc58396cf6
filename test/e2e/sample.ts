/**
 * What the tests know about the sample, read from the file the page serves with the
 * project's own readers: the score sheet, its columns, and criteria the form can fill.
 * Nothing about the sample is hard-coded in the tests.
 */
import { cellText } from '../../src/core/answers';
import { lookupCriteria, type CriterionEntry } from '../../src/core/criteriaSet';
import { a1 } from '../../src/workbook/grid';
import { readUnitWorkbook, type UnitReading } from '../../src/workbook/read';
import { readWorkbookFile } from '../../src/xlsx/read';

export interface FillableCriterion {
  code: string;
  name: string;
  maxPoints: number;
  /** The allowed scores, ascending (a finite list: the form offers them as choices). */
  allowed: number[];
  /** A1 addresses on the score sheet. */
  cells: { selfScore: string; evidence: string; explanation: string };
}

export interface SampleFacts {
  sheet: string;
  year: number | undefined;
  /** Blank, self-scored leaves with a finite list of scores, in sheet order, one per field first. */
  fillable: FillableCriterion[];
}

export async function sampleFacts(file: string): Promise<SampleFacts> {
  const grid = await readWorkbookFile(file);
  const reading = readUnitWorkbook(grid);
  if (!reading.ok) throw new Error(`the sample has no readable score table: ${reading.findings.map((f) => f.code).join(', ')}`);
  return { sheet: reading.sheet, year: reading.meta.year, fillable: fillableCriteria(reading) };
}

function fillableCriteria(reading: UnitReading): FillableCriterion[] {
  const { selfScore, evidence, explanation } = reading.layout.columns;
  if (selfScore === undefined || evidence === undefined || explanation === undefined) {
    throw new Error('the sample lacks a self-score, evidence or explanation column');
  }
  const index = lookupCriteria(reading.set);
  const blank = (n: CriterionEntry) => {
    const answer = reading.answers.find((a) => a.code === n.code);
    return !answer || (cellText(answer.selfScore) === '' && cellText(answer.evidence) === '' && cellText(answer.explanation) === '');
  };
  const candidates = index.nodes.filter(
    (n) =>
      n.isLeaf && n.scoredBy === 'self' && !n.bonus && n.node.maxPoints > 0 && n.method.allowed.kind === 'set' &&
      n.method.allowed.values.length >= 2 && reading.rowOf.has(n.code) && blank(n),
  );
  // One per field first, so the fills spread over the tree; then the rest in order.
  const firstPerField = candidates.filter((n, i) => candidates.findIndex((m) => m.fieldCode === n.fieldCode) === i);
  const ordered = [...firstPerField, ...candidates.filter((n) => !firstPerField.includes(n))];
  return ordered.map((n) => {
    const row = reading.rowOf.get(n.code)! - 1;
    return {
      code: n.code,
      name: n.node.name,
      maxPoints: n.node.maxPoints,
      allowed: n.method.allowed.kind === 'set' ? n.method.allowed.values : [],
      cells: { selfScore: a1(row, selfScore), evidence: a1(row, evidence), explanation: a1(row, explanation) },
    };
  });
}
