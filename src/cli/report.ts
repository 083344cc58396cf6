/** What `validate` prints: one JSON document, or a text report grouped by criterion. */
import type { UnitLevel } from '../core/criteria';
import { countBySeverity, jsonFinding, message, type Finding, type Severity } from '../core/findings';
import { formatNumber, type Lang } from '../core/format';
import { terminalSafe } from './io';

export type FileStatus = 'ok' | 'errors' | 'unreadable';

export interface FileReport {
  file: string;
  status: FileStatus;
  unit: string | null;
  level: UnitLevel | null;
  year: number | null;
  criteriaSet: { id: string; version: string } | null;
  totals: { self: number; max: number; applicableMax: number; index: number } | null;
  findings: Finding[];
}

export function toJson(reports: FileReport[], lang: Lang): string {
  return JSON.stringify({
    files: reports.map((r) => ({
      ...r,
      findings: r.findings.map((f) => jsonFinding(f, lang)),
    })),
  });
}

const WORDS = {
  vi: {
    file: 'Tệp',
    unit: 'Đơn vị',
    year: 'năm',
    set: 'bộ tiêu chí',
    version: 'phiên bản',
    general: 'Chung',
    criterion: 'Tiêu chí',
    severity: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' },
    unreadable: 'KHÔNG ĐỌC ĐƯỢC',
    ok: 'Không có lỗi.',
    summary: (c: Record<Severity, number>) => `${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} lưu ý`,
    score: 'điểm tự đánh giá',
    index: 'chỉ số',
    total: (files: number, bad: number) => `Đã kiểm tra ${files} tệp; ${bad} tệp có lỗi hoặc không đọc được.`,
  },
  en: {
    file: 'File',
    unit: 'Unit',
    year: 'year',
    set: 'criteria set',
    version: 'version',
    general: 'General',
    criterion: 'Criterion',
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    unreadable: 'UNREADABLE',
    ok: 'No errors.',
    summary: (c: Record<Severity, number>) => `${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s)`,
    score: 'self-score',
    index: 'index',
    total: (files: number, bad: number) => `${files} file(s) checked; ${bad} with errors or unreadable.`,
  },
} as const;

export function toText(reports: FileReport[], lang: Lang): string {
  const w = WORDS[lang];
  const out: string[] = [];
  for (const r of reports) {
    const about = [
      r.unit ? `${w.unit}: ${r.unit}` : undefined,
      r.year ? `${w.year} ${r.year}` : undefined,
      r.criteriaSet ? `${w.set} ${r.criteriaSet.id} (${w.version} ${r.criteriaSet.version})` : undefined,
    ].filter(Boolean);
    out.push(`== ${w.file}: ${r.file}${about.length ? ` | ${about.join(', ')}` : ''}`);
    for (const [criterion, list] of groupByCriterion(r.findings)) {
      out.push(criterion === '' ? `  ${w.general}:` : `  ${w.criterion} ${criterion}:`);
      for (const f of list) {
        const where = [f.sheet, f.cell].filter(Boolean).join('!');
        out.push(`    [${w.severity[f.severity]}]${where ? ` ${where}` : ''} ${message(f, lang)}`);
      }
    }
    const counts = countBySeverity(r.findings);
    const totals = r.totals
      ? `; ${w.score} ${formatNumber(r.totals.self, lang)}/${formatNumber(r.totals.applicableMax, lang)}, ${w.index} ${formatNumber(r.totals.index, lang)}`
      : '';
    const head = r.status === 'unreadable' ? `${w.unreadable}: ` : counts.error === 0 ? `${w.ok} ` : '';
    out.push(`  => ${head}${w.summary(counts)}${totals}`, '');
  }
  out.push(w.total(reports.length, reports.filter((r) => r.status !== 'ok').length));
  // Names, sheets and messages quote workbook text: never let it drive the terminal.
  return `${out.map(terminalSafe).join('\n')}\n`;
}

/** Findings of the file first (no criterion), then criteria in order of first appearance by row. */
function groupByCriterion(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  const sorted = [...findings].sort((a, b) => (a.criterion ? 1 : 0) - (b.criterion ? 1 : 0) || (a.row ?? 0) - (b.row ?? 0));
  for (const f of sorted) {
    const key = f.criterion ?? '';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  // Within a criterion, errors first.
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [...groups].map(([k, list]) => [k, list.sort((a, b) => order[a.severity] - order[b.severity])]);
}
