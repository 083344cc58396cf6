/**
 * Charts (ExcelApi 1.1; series axis values 1.7). exceljs cannot store a chart, so the
 * stand-in records each one in its session, where tests read it back (standIn.charts).
 * Arguments are checked as Excel checks them: an unknown chart type, a seriesBy other
 * than Auto/Columns/Rows, or a range of another sheet is InvalidArgument.
 */
import type ExcelJS from 'exceljs';
import { formatRect, parseAddress, qualified, type Rect } from './address';
import { ClientObject } from './context';
import { StandInError } from './errors';
import type { Range, Worksheet } from './objects';

/** Excel.ChartType, less 'Invalid'. */
const CHART_TYPES = new Set(
  `ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100
  BarClustered BarStacked BarStacked100 3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked LineStacked100
  LineMarkers LineMarkersStacked LineMarkersStacked100 PieOfPie PieExploded 3DPieExploded BarOfPie
  XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines XYScatterLinesNoMarkers AreaStacked AreaStacked100
  3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface SurfaceWireframe
  SurfaceTopView SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC StockVHLC StockVOHLC
  CylinderColClustered CylinderColStacked CylinderColStacked100 CylinderBarClustered CylinderBarStacked
  CylinderBarStacked100 CylinderCol ConeColClustered ConeColStacked ConeColStacked100 ConeBarClustered
  ConeBarStacked ConeBarStacked100 ConeCol PyramidColClustered PyramidColStacked PyramidColStacked100
  PyramidBarClustered PyramidBarStacked PyramidBarStacked100 PyramidCol 3DColumn Line 3DLine 3DPie Pie
  XYScatter 3DArea Area Doughnut Radar Histogram Boxwhisker Pareto RegionMap Treemap Waterfall Sunburst Funnel`.split(/\s+/),
);
const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);

export interface SeriesRecord {
  name: string;
  /** Qualified addresses, e.g. "'Tổng hợp'!C3:C8". */
  values: string;
  xAxisValues: string | null;
}

/** What Excel would show of a chart added by the add-in. */
export interface ChartRecord {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  series: SeriesRecord[];
  /** Top-left and bottom-right cells of the frame (A1, unqualified); null until setPosition. */
  position: { start: string; end: string | null } | null;
}

/** A Range argument, or an address on `ws`, as a rectangle of `ws`; another sheet's range is refused. */
function rectOn(ws: ExcelJS.Worksheet, arg: Range | string, location: string): Rect {
  if (typeof arg === 'string') {
    const bang = arg.lastIndexOf('!');
    if (bang >= 0 && arg.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'").toLowerCase() !== ws.name.toLowerCase()) {
      throw new StandInError('InvalidArgument', location);
    }
    return parseAddress(arg);
  }
  const target = arg.resolved();
  if (target.ws !== ws) throw new StandInError('InvalidArgument', location);
  return target.rect;
}

/** Series of a source range plotted 'Auto': one per column when it is at least as tall as wide. */
function seriesOf(ws: ExcelJS.Worksheet, r: Rect, seriesBy: string): SeriesRecord[] {
  const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && r.right - r.left > r.bottom - r.top);
  const lines = byRows
    ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({ ...r, top: r.top + i, bottom: r.top + i }))
    : Array.from({ length: r.right - r.left + 1 }, (_, i) => ({ ...r, left: r.left + i, right: r.left + i }));
  return lines.map((line, i) => ({ name: `Series${i + 1}`, values: qualified(ws.name, line), xAxisValues: null }));
}

export class ChartCollection extends ClientObject {
  protected readonly loadable: Record<string, () => unknown> = {};

  constructor(readonly worksheet: Worksheet) {
    super(worksheet.ctx, `${worksheet.path}.charts`, '1.1', () => worksheet.isNull());
  }

  add(type: string, sourceData: Range, seriesBy: string = 'Auto'): Chart {
    const path = `${this.path}.add(${type})`;
    return new Chart(this.worksheet, path, () => {
      if (!CHART_TYPES.has(type) || !SERIES_BY.has(seriesBy)) throw new StandInError('InvalidArgument', path);
      const ws = this.worksheet.sheet();
      const rect = rectOn(ws, sourceData, `${path} sourceData`);
      const record: ChartRecord = { type, source: qualified(ws.name, rect), seriesBy, title: '', series: seriesOf(ws, rect, seriesBy), position: null };
      const charts = this.ctx.session.charts.get(ws) ?? [];
      charts.push(record);
      this.ctx.session.charts.set(ws, charts);
      return record;
    });
  }
}

export class Chart extends ClientObject {
  private record: ChartRecord | undefined;
  protected readonly loadable: Record<string, () => unknown> = {};

  constructor(
    readonly worksheet: Worksheet,
    path: string,
    bind: () => ChartRecord,
  ) {
    super(worksheet.ctx, path, '1.1');
    worksheet.ctx.enqueue({ desc: { path }, requires: '1.1', apply: () => void (this.record = bind()) });
  }

  target(): ChartRecord {
    if (!this.record) throw new StandInError('ItemNotFound', this.path);
    return this.record;
  }

  get title(): { text: string } {
    const set = (v: string) => this.write('title.text', v, () => void (this.target().title = v));
    return {
      set text(v: string) {
        set(v);
      },
      get text(): string {
        throw new StandInError('StandInUnsupported', 'chart.title.text (read)');
      },
    };
  }

  get series(): { getItemAt(index: number): ChartSeries } {
    return { getItemAt: (index: number) => new ChartSeries(this, index) };
  }

  setPosition(startCell: Range | string, endCell?: Range | string): void {
    const arg = (cell: Range | string | undefined) => (typeof cell === 'object' ? cell.path : cell);
    this.call('setPosition', [arg(startCell), arg(endCell)], () => {
      const ws = this.worksheet.sheet();
      const corner = (cell: Range | string) => {
        const r = rectOn(ws, cell, `${this.path}.setPosition`);
        return formatRect({ ...r, bottom: r.top, right: r.left });
      };
      this.target().position = { start: corner(startCell), end: endCell === undefined ? null : corner(endCell) };
    });
  }
}

export class ChartSeries extends ClientObject {
  protected readonly loadable: Record<string, () => unknown> = {};

  constructor(
    readonly chart: Chart,
    readonly index: number,
  ) {
    super(chart.ctx, `${chart.path}.series.getItemAt(${index})`, '1.1');
  }

  private target(): SeriesRecord {
    const found = this.chart.target().series[this.index];
    if (!found) throw new StandInError('ItemNotFound', this.path);
    return found;
  }

  set name(v: string) {
    this.write('name', v, () => void (this.target().name = v));
  }
  get name(): string {
    return this.read('name');
  }

  setXAxisValues(sourceData: Range): void {
    this.call('setXAxisValues', [sourceData.path], () => {
      const ws = this.chart.worksheet.sheet();
      this.target().xAxisValues = qualified(ws.name, rectOn(ws, sourceData, `${this.path}.setXAxisValues`));
    }, '1.7');
  }
}
