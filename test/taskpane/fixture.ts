/**
 * A unit's workbook for the pane tests, built with the real template code from a small
 * SAMPLE criteria set (not an official table), plus an in-memory WorkbookService over
 * its grid that uses the real src/workbook reading, validation and write planning.
 */
import type { CellValue } from '../../src/core/answers';
import type { CriteriaSet } from '../../src/core/criteria';
import { planAnswers, type AnswerChange } from '../../src/workbook/answers';
import { columnIndex } from '../../src/workbook/columns';
import type { WorkbookGrid } from '../../src/workbook/grid';
import { withReferenceFlags } from '../../src/workbook/reference';
import { parentAuthority } from '../../src/workbook/letterhead';
import { readUnitWorkbook, validateReading, type ColumnMapping, type UnitReading } from '../../src/workbook/read';
import { buildTemplate } from '../../src/workbook/template';
import { cellOf } from '../../src/workbook/read';
import { sheetPreviews } from '../../src/taskpane/excelService';
import type { LoadResult, ServiceFeature, SheetSelection, SkippedSetting, WorkbookService } from '../../src/taskpane/service';
import type { SheetSpec } from '../../src/workbook/spec';
import { gridOfSpec } from '../workbook/grids';

export const TODAY = '2024-12-20';

export function sampleSet(): CriteriaSet {
  return {
    id: 'mau-test-2024',
    title: 'Bộ tiêu chí MẪU dùng cho kiểm thử',
    year: 2024,
    levels: ['so'],
    version: '2',
    source: 'mẫu',
    sample: true,
    period: { from: '2024-01-01', to: '2024-12-31' },
    fields: [
      {
        code: 'I',
        name: 'Công tác chỉ đạo, điều hành cải cách hành chính',
        maxPoints: 5,
        children: [
          {
            code: '1',
            name: 'Ban hành kế hoạch cải cách hành chính năm',
            maxPoints: 1,
            method: '- Có ban hành: 1 điểm\n- Không ban hành: 0 điểm',
            evidence: 'Kế hoạch CCHC năm của đơn vị',
          },
          {
            code: '2',
            name: 'Mức độ thực hiện kế hoạch CCHC',
            maxPoints: 2,
            method: 'Hoàn thành 100% kế hoạch: 2 điểm; từ 80% đến dưới 100%: 1,5 điểm; dưới 80%: 0 điểm',
            evidence: 'Báo cáo kết quả thực hiện kế hoạch CCHC năm',
          },
          {
            code: '3',
            name: 'Công tác kiểm tra cải cách hành chính',
            maxPoints: 2,
            method: 'Có vi phạm: Trừ điểm theo mức độ',
            evidence: 'Báo cáo kiểm tra',
          },
        ],
      },
      {
        code: 'II',
        name: 'Cải cách thủ tục hành chính',
        maxPoints: 4,
        children: [
          { code: '4', name: 'Mức độ hài lòng của người dân', maxPoints: 2, method: 'Điểm đánh giá thông qua điều tra xã hội học' },
          {
            code: '5',
            name: 'Công khai thủ tục hành chính đúng quy định',
            maxPoints: 2,
            method: '- Có công khai đầy đủ: 2 điểm\n- Không công khai: 0 điểm',
            evidence: 'Thông báo công khai',
          },
        ],
      },
    ],
  };
}

/** The template with last year's column, some answers typed in by letter and row. */
export function sampleGrid(cells: Record<string, CellValue> = {}): WorkbookGrid {
  const grid = gridOfSpec(buildTemplate(sampleSet(), { name: 'Sở Tư pháp', level: 'so' }, { withPrevious: true }));
  for (const [address, value] of Object.entries(cells)) setCell(grid, address, value);
  return grid;
}

export function setCell(grid: WorkbookGrid, address: string, value: CellValue, sheetName?: string): void {
  const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  const sheet = sheetName ? grid.sheets.find((s) => s.name === sheetName)! : grid.sheets[0];
  const r = Number(m[2]) - 1;
  const c = columnIndex(m[1]) as number;
  while (sheet.values.length <= r) sheet.values.push([]);
  const row = sheet.values[r];
  while (row.length <= c) row.push(null);
  row[c] = value;
}

export function getCell(grid: WorkbookGrid, address: string): CellValue | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  return grid.sheets[0].values[Number(m[2]) - 1]?.[columnIndex(m[1]) as number];
}

/** The A1 cell of a criterion's column in the sample grid. */
export function cellFor(grid: WorkbookGrid, code: string, field: 'selfScore' | 'evidence' | 'explanation' | 'declared' | 'previousScore'): string {
  const r = readUnitWorkbook(grid) as UnitReading;
  return cellOf(r, code, field) as string;
}

/** A WorkbookService over an in-memory grid: real reading, validation and write plans. */
export class MemoryService implements WorkbookService {
  writes: AnswerChange[][] = [];
  selections: { code: string; field?: string }[] = [];
  loads = 0;
  mappings: ColumnMapping[] = [];
  /** Each writeSheets call: the sheets and the one shown. */
  sheetWrites: { sheets: SheetSpec[]; show?: string }[] = [];
  /** Office's display language this host reports. */
  language = 'vi-VN';
  /** The reference set the workbook names, as the real service finds among the bundled sets. */
  reference: CriteriaSet | undefined;
  /** When set, the next write fails with it (and is not applied). */
  failNextWrite: Error | undefined;
  /** Host features this service lacks (supports() says so; page setup is then skipped). */
  readonly missing = new Set<ServiceFeature>();
  private external = new Set<() => void>();
  private selection = new Set<(s: SheetSelection) => void>();
  private reading: UnitReading | undefined;

  constructor(
    readonly grid: WorkbookGrid,
    private readonly dark = false,
  ) {}

  async load(): Promise<LoadResult> {
    this.loads++;
    const r = readUnitWorkbook(this.grid, this.mappings.length > 0 ? { mapping: this.mappings[this.mappings.length - 1] } : {});
    if (!r.ok) return { ok: false, findings: r.findings, sheets: sheetPreviews(this.grid) };
    const reading = this.reference ? withReferenceFlags(r, this.reference) : r;
    this.reading = reading;
    const reference = this.reference ? { reference: this.reference } : {};
    const issuer = parentAuthority(this.grid.sheets.find((s) => s.name === r.sheet));
    return { ok: true, reading, findings: validateReading(reading, { today: TODAY, ...reference }), today: TODAY, ...reference, ...(issuer !== undefined ? { issuer } : {}) };
  }

  async write(changes: readonly AnswerChange[]): Promise<void> {
    const failure = this.failNextWrite;
    this.failNextWrite = undefined;
    if (failure) throw failure;
    this.writes.push([...changes]);
    const plan = planAnswers(this.reading as UnitReading, changes);
    for (const b of plan.blocks) {
      const sheet = this.grid.sheets.find((s) => s.name === b.sheet)!;
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          while (sheet.values.length <= b.row + i) sheet.values.push([]);
          sheet.values[b.row + i][b.col + j] = v !== null && typeof v === 'object' ? null : v;
        }),
      );
    }
  }

  /** Sheets replace those of the same name, appended after the others as Excel adds them. */
  async writeSheets(sheets: readonly SheetSpec[], show?: string): Promise<SkippedSetting[]> {
    this.sheetWrites.push({ sheets: [...sheets], ...(show !== undefined ? { show } : {}) });
    for (const spec of sheets) {
      const values = spec.values.map((row) => row.map((v) => (v !== null && typeof v === 'object' ? null : v)));
      this.grid.sheets = [...this.grid.sheets.filter((g) => g.name !== spec.name), { name: spec.name, values }];
    }
    if (!this.missing.has('pageLayout')) return [];
    return sheets.filter((s) => s.print).map((s) => ({ vi: `Trang tính "${s.name}": chưa thiết lập trang in (cần ExcelApi 1.9).`, en: `Sheet "${s.name}": page setup skipped (needs ExcelApi 1.9).` }));
  }

  async select(code: string, field?: string): Promise<void> {
    this.selections.push({ code, ...(field !== undefined ? { field } : {}) });
  }

  async saveMapping(mapping: ColumnMapping): Promise<void> {
    this.mappings.push(mapping);
  }

  onExternalChange(cb: () => void): () => void {
    this.external.add(cb);
    return () => this.external.delete(cb);
  }

  onSelectionChange(cb: (s: SheetSelection) => void): () => void {
    this.selection.add(cb);
    return () => this.selection.delete(cb);
  }

  supports(feature: ServiceFeature): boolean {
    return !this.missing.has(feature);
  }

  theme(): 'light' | 'dark' {
    return this.dark ? 'dark' : 'light';
  }

  displayLanguage(): string {
    return this.language;
  }

  /** A user typing in the sheet: the cell changes and Excel reports it. */
  editCell(address: string, value: CellValue): void {
    setCell(this.grid, address, value);
    this.external.forEach((cb) => cb());
  }

  /** A user selecting a row in the sheet. */
  selectRow(row: number): void {
    this.selection.forEach((cb) => cb({ sheet: this.grid.sheets[0].name, row }));
  }
}
