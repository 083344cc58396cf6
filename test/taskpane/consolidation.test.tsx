/** @jest-environment jsdom */
import ExcelJS from 'exceljs';
import { act } from 'react';
import { createStandIn } from '../../src/preview/standin';
import { App } from '../../src/taskpane/App';
import { ConsolidationMode } from '../../src/taskpane/consolidation/ConsolidationMode';
import { Results } from '../../src/taskpane/consolidation/Results';
import { I18nContext, makeI18n } from '../../src/taskpane/i18n';
import { serviceOnStandIn } from './standinService';
import type { ConsolidationWorker } from '../../src/taskpane/consolidation/worker';
import type { ConsolidateReport, ConsolidateRequest, ConsolidationJson, JsonUnit, WorkerMessage } from '../../src/worker/protocol';
import { SUMMARY_SHEET } from '../../src/workbook/summary';
import { MemoryService, TODAY, sampleGrid, sampleSet } from './fixture';
import { chooseFiles, byText, click, render, waitFor, type Rendered } from './render';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

// jsdom's Blob has no text(); every Office host's browser has.
Blob.prototype.text ??= function (this: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(this);
  });
};

/** The worker boundary: records what the pane posts, and lets the test answer as the worker would. */
class FakeWorker implements ConsolidationWorker {
  onmessage: ConsolidationWorker['onmessage'] = null;
  onerror: ConsolidationWorker['onerror'] = null;
  requests: ConsolidateRequest[] = [];
  terminated = false;
  postMessage(request: ConsolidateRequest): void {
    this.requests.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  async send(m: WorkerMessage): Promise<void> {
    await act(async () => this.onmessage?.({ data: m }));
  }
}

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

const xlsx = (name: string) => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

const choose = chooseFiles;

async function mode(service = new MemoryService(sampleGrid())) {
  const workers: FakeWorker[] = [];
  const closed = jest.fn();
  view = await render(
    <ConsolidationMode
      service={service}
      openSet={sampleSet()}
      today={TODAY}
      onClose={closed}
      startWorker={() => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      }}
    />,
  );
  return { c: view.container, service, workers, closed };
}

const REPORT: ConsolidateReport = {
  ranked: 2,
  rejected: [{ file: '999-tep-hong.xlsx', reasons: [{ vi: 'Tệp 999-tep-hong.xlsx bị hỏng, không đọc được.', en: 'File 999-tep-hong.xlsx is corrupt.' }] }],
  duplicates: [{ unit: 'Sở Tư pháp', files: ['001-so-tu-phap.xlsx', '001-so-tu-phap-ban-sua.xlsx'] }],
  missing: ['UBND huyện Ba Bể'],
  findings: [],
  sets: [],
  grades: [
    { label: 'Tốt', labelEn: 'Good', minIndex: 90 },
    { label: 'Khá', labelEn: 'Fair', minIndex: 70 },
  ],
};
const unit = (over: Partial<JsonUnit>): JsonUnit => ({ unit: 'Sở Tư pháp', level: 'so', file: 'a.xlsx', status: 'accepted', self: 80, appraised: null, applicableMax: 100, index: 80, rank: 1, grade: 'Tốt', errors: 0, warnings: 0, ...over });
const JSON_OUT: ConsolidationJson = {
  units: [
    unit({ unit: 'Sở Nội vụ', file: '002-so-noi-vu.xlsx', index: 91.5, rank: 1 }),
    unit({ unit: 'Sở Tài chính', file: '003-so-tai-chinh.xlsx', index: 91.5, rank: 1 }),
    unit({ unit: 'Sở Xây dựng', file: '004-so-xay-dung.xlsx', index: 70.25, rank: 3, status: 'accepted_with_errors', errors: 2, grade: 'Khá' }),
    unit({ unit: 'UBND huyện Ba Bể', level: 'huyen', file: '010-ba-be.xlsx', index: 88, rank: 1 }),
  ],
  rejected: [],
  duplicates: [],
  missing: [],
};
const PRINT = { name: 'Báo cáo tổng hợp', values: [['BÁO CÁO']] };

describe('Tổng hợp', () => {
  it('sends the chosen files, the bundled sets and unit list (the defaults) to the worker, shows progress, then writes the sheets and the problems', async () => {
    const { c, service, workers } = await mode();
    await choose(c.querySelector('input[type="file"][multiple]'), [xlsx('001-so-tu-phap.xlsx'), xlsx('002-so-noi-vu.xlsx'), new File(['x'], 'ghi-chu.txt')]);
    expect(c.querySelector('[data-chosen]')?.textContent).toBe('2 tệp đã chọn');
    await click(c.querySelector('[data-action="consolidate"]'));
    expect(workers).toHaveLength(1);
    const req = workers[0].requests[0];
    expect(req.files.map((f) => f.name)).toEqual(['001-so-tu-phap.xlsx', '002-so-noi-vu.xlsx']);
    expect(req.criteria).toEqual({ kind: 'sets', sets: ['bac-kan-so-2024-mau', 'bac-kan-huyen-2024-mau', 'bac-kan-xa-2024-mau'].map((id) => expect.objectContaining({ id })) });
    expect(req.units?.name).toBe('bac-kan-2024.json');
    expect(JSON.parse(await req.units!.data.text())).toHaveLength(132);
    expect(req.today).toBe(TODAY);

    await workers[0].send({ type: 'progress', n: 2, total: 2, name: '002-so-noi-vu.xlsx' });
    expect(c.querySelector('[role="progressbar"]')).not.toBeNull();
    expect(byText(c, '[role="status"]', 'Tệp 2/2')?.textContent).toBe('Tệp 2/2: 002-so-noi-vu.xlsx');

    const sheets = [{ name: SUMMARY_SHEET, values: [['TỔNG HỢP']] }, { name: 'Nhật ký kiểm tra', values: [['NHẬT KÝ']] }];
    await workers[0].send({ type: 'done', sheets, json: JSON_OUT, report: REPORT, print: PRINT });
    await waitFor(() => expect(c.querySelector('[data-results]')).not.toBeNull());
    expect(workers[0].terminated).toBe(true);
    expect(service.sheetWrites).toEqual([{ sheets, show: SUMMARY_SHEET }]);
    expect(c.querySelector('[data-rejected]')?.textContent).toContain('bị hỏng, không đọc được');
    expect(c.querySelector('[data-duplicates]')?.textContent).toContain('Sở Tư pháp: 001-so-tu-phap.xlsx, 001-so-tu-phap-ban-sua.xlsx');
    expect(c.querySelector('[data-missing]')?.textContent).toContain('UBND huyện Ba Bể');
    expect(c.querySelector('[data-results]')?.textContent).toContain('Đã xếp hạng 2 đơn vị.');
  });

  it('Hủy terminates the worker and writes nothing, even if a late message arrives', async () => {
    const { c, service, workers } = await mode();
    await choose(c.querySelector('input[type="file"][multiple]'), [xlsx('a.xlsx')]);
    await click(c.querySelector('[data-action="consolidate"]'));
    await workers[0].send({ type: 'progress', n: 1, total: 1, name: 'a.xlsx' });
    await click(c.querySelector('[data-action="cancel"]'));
    expect(workers[0].terminated).toBe(true);
    expect(c.textContent).toContain('Đã hủy. Sổ làm việc không bị thay đổi.');
    await workers[0].send({ type: 'done', sheets: [{ name: SUMMARY_SHEET, values: [] }], json: JSON_OUT, report: REPORT, print: PRINT });
    expect(service.sheetWrites).toHaveLength(0);
    expect(c.querySelector('[data-action="cancel"]')).toBeNull();
  });

  it('takes dropped workbooks, and passes chosen criteria files to the worker', async () => {
    const { c, workers } = await mode();
    const drop = c.querySelector('[data-drop]') as HTMLElement;
    await act(async () => {
      const e = new Event('drop', { bubbles: true }) as Event & { dataTransfer: unknown };
      e.dataTransfer = { files: [xlsx('xa-1.xlsx'), xlsx('xa-2.xlsx')] };
      drop.dispatchEvent(e);
    });
    expect(c.querySelector('[data-chosen]')?.textContent).toBe('2 tệp đã chọn');
    await click(byText(c, 'label', 'Tải bộ tiêu chí khác (.json hoặc biểu mẫu gốc .xlsx)'));
    const json = JSON.stringify(sampleSet());
    await choose(c.querySelector('input[type="file"][accept^=".json,.xlsx"][multiple]'), [new File([json], 'bo-tieu-chi.json')]);
    await click(c.querySelector('[data-action="consolidate"]'));
    await waitFor(() => expect(workers).toHaveLength(1));
    expect(workers[0].requests[0].criteria).toEqual({ kind: 'files', files: [{ name: 'bo-tieu-chi.json', data: expect.any(File) }] });
  });

  it('says what is missing instead of starting', async () => {
    const { c, workers } = await mode();
    await click(c.querySelector('[data-action="consolidate"]'));
    expect(c.textContent).toContain('Chưa chọn tệp nào.');
    expect(workers).toHaveLength(0);
  });

  it('shows the worker’s failure in Vietnamese', async () => {
    const { c, workers, service } = await mode();
    await choose(c.querySelector('input[type="file"][multiple]'), [xlsx('a.xlsx')]);
    await click(c.querySelector('[data-action="consolidate"]'));
    await workers[0].send({ type: 'failed', error: { vi: 'Danh sách đơn vị dv.json không hợp lệ.', en: 'Invalid unit list.' } });
    expect(c.textContent).toContain('Chưa tổng hợp được: Danh sách đơn vị dv.json không hợp lệ.');
    expect(service.sheetWrites).toHaveLength(0);
  });
});

describe('writing the summary into the open workbook (strict stand-in)', () => {
  const TABLE = (name: string) => ({
    name,
    values: [[`${name.toUpperCase()}`], [], ['STT', 'Đơn vị'], [1, 'Sở Tư pháp']],
    columnWidths: [5, 34],
    freeze: { rows: 3, cols: 0 },
    autoFilter: { top: 2, left: 0, bottom: 3, right: 1 },
  });
  const SHEETS = [TABLE(SUMMARY_SHEET), TABLE('Nhật ký kiểm tra')];

  async function paneOnStandIn() {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Tự chấm').getCell('A1').value = 'BẢNG TỰ ĐÁNH GIÁ';
    wb.addWorksheet(SUMMARY_SHEET).getCell('A1').value = 'Tổng hợp lần trước';
    const standIn = createStandIn(wb);
    const service = serviceOnStandIn(standIn, { today: TODAY, bundledReference: true });
    return { wb, standIn, ...(await mode(service as unknown as MemoryService)) };
  }

  it('a failure names the sheet and the operation, and the workbook stays as it was; the next try writes the sheets with their filters', async () => {
    const { wb, standIn, c, workers } = await paneOnStandIn();
    const before = JSON.stringify(wb.worksheets.map((ws) => [ws.name, ws.getSheetValues()]));
    // Excel refuses the column width of the second sheet being written.
    const added: string[] = [];
    standIn.failOn((a) => {
      const m = /^worksheets\.add\([^)]*\)/.exec(a.path ?? '');
      if (m && !added.includes(m[0])) added.push(m[0]);
      return m !== null && added.indexOf(m[0]) === 1 && a.set === 'columnWidth';
    });
    await choose(c.querySelector('input[type="file"][multiple]'), [xlsx('001-so-tu-phap.xlsx')]);
    await click(c.querySelector('[data-action="consolidate"]'));
    await workers[0].send({ type: 'done', sheets: SHEETS, json: JSON_OUT, report: REPORT, print: PRINT });
    await waitFor(() => expect(c.textContent).toContain('Không ghi được trang tính "Nhật ký kiểm tra": Excel từ chối thao tác format.columnWidth.'));
    expect(c.textContent).toContain('Sổ làm việc được giữ nguyên như trước khi ghi');
    expect(c.querySelector('[data-results]')).toBeNull();
    expect(JSON.stringify(wb.worksheets.map((ws) => [ws.name, ws.getSheetValues()]))).toBe(before);
    expect(standIn.eventsEnabled).toBe(true);

    await click(c.querySelector('[data-action="consolidate"]'));
    await workers[1].send({ type: 'done', sheets: SHEETS, json: JSON_OUT, report: REPORT, print: PRINT });
    await waitFor(() => expect(c.querySelector('[data-results]')).not.toBeNull());
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Tự chấm', SUMMARY_SHEET, 'Nhật ký kiểm tra']);
    expect(wb.getWorksheet(SUMMARY_SHEET)?.getCell('A1').value).toBe(SUMMARY_SHEET.toUpperCase());
    expect(wb.worksheets.slice(1).map((ws) => ws.autoFilter)).toEqual(['A3:B4', 'A3:B4']);
  });
});

describe('the reference and the result', () => {
  it('offers the bundled sets by name with id, version, levels and sample mark, and the open master template', async () => {
    const { c, workers } = await mode();
    const group = c.querySelector('[role="radiogroup"]') as HTMLElement;
    expect(group.textContent).toContain('Mã bac-kan-huyen-2024-mau, phiên bản 2024.1-mau, cấp: UBND cấp huyện - BỘ MẪU, không phải bộ chính thức');
    await click(byText(c, 'label', 'Biểu mẫu gốc đang mở'));
    await choose(c.querySelector('input[type="file"][multiple]'), [xlsx('a.xlsx')]);
    await click(c.querySelector('[data-action="consolidate"]'));
    expect(workers[0].requests[0].criteria).toEqual({ kind: 'sets', sets: [expect.objectContaining({ id: 'mau-test-2024' })] });
  });

  it('keeps a set loaded from a file, with its version and source, and offers it by name next time', async () => {
    localStorage.clear();
    const first = await mode();
    await click(byText(first.c, 'label', 'Tải bộ tiêu chí khác (.json hoặc biểu mẫu gốc .xlsx)'));
    await choose(first.c.querySelector('input[type="file"][accept^=".json,.xlsx"][multiple]'), [new File([JSON.stringify(sampleSet())], 'bo-tieu-chi.json')]);
    await choose(first.c.querySelector('input[type="file"][multiple]'), [xlsx('a.xlsx')]);
    await click(first.c.querySelector('[data-action="consolidate"]'));
    await first.workers[0].send({ type: 'done', sheets: [], json: JSON_OUT, report: { ...REPORT, sets: [sampleSet()] }, print: PRINT });
    await waitFor(() => expect(first.c.querySelector('[data-results]')).not.toBeNull());
    await view?.unmount();
    const again = await mode();
    const group = again.c.querySelector('[role="radiogroup"]') as HTMLElement;
    expect(group.textContent).toContain(`Đã tải lúc ${TODAY} từ bo-tieu-chi.json`);
    expect(group.textContent).toContain(`Mã mau-test-2024, phiên bản ${sampleSet().version}`);
    localStorage.clear();
  });

  it('shows the ranking by level with ties, each unit going to its row of the summary, and prints the report', async () => {
    const service = new MemoryService(sampleGrid());
    const shown: string[] = [];
    (service as unknown as { showCell(sheet: string, address: string): Promise<void> }).showCell = async (sheet, address) => void shown.push(`${sheet}!${address}`);
    const { c, workers } = await mode(service);
    await choose(c.querySelector('input[type="file"][multiple]'), [xlsx('002-so-noi-vu.xlsx')]);
    await click(c.querySelector('[data-action="consolidate"]'));
    const summary = { name: SUMMARY_SHEET, values: [['TỔNG HỢP'], [], ['STT'], ['Sở, ban, ngành'], [1, 'Sở Nội vụ', 'Sở, ban, ngành', '002-so-noi-vu.xlsx'], [2, 'Sở Tài chính', 'Sở, ban, ngành', '003-so-tai-chinh.xlsx']] };
    await workers[0].send({ type: 'done', sheets: [summary], json: JSON_OUT, report: REPORT, print: PRINT });
    await waitFor(() => expect(c.querySelector('[data-ranking="so"]')).not.toBeNull());
    const rows = [...c.querySelectorAll('[data-ranking="so"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    // Three columns fit 320 px: grade, status and errors wrap under the unit.
    expect(rows).toEqual([
      ['1', 'Sở Nội vụTốt · Hợp lệ', '91,5'],
      ['1', 'Sở Tài chínhTốt · Hợp lệ', '91,5'],
      ['3', 'Sở Xây dựngKhá · Xếp hạng, có lỗi · 2 lỗi', '70,25'],
    ]);
    expect(c.querySelector('[data-ranking="huyen"]')?.textContent).toContain('UBND huyện Ba Bể');
    expect(c.querySelectorAll('[data-chart="so"] li')).toHaveLength(3);
    await click(c.querySelector('[aria-label="Đến dòng của Sở Tài chính trong trang Tổng hợp"]'));
    expect(shown).toEqual([`${SUMMARY_SHEET}!B6`]);
    await click(c.querySelector('[data-action="print-report"]'));
    await waitFor(() => expect(c.querySelector('[data-printed]')?.textContent).toContain('Tệp > In'));
    expect(service.sheetWrites.at(-1)).toEqual({ sheets: [PRINT], show: PRINT.name });
  });

  it('lists a unit\'s findings under its row on asking, the rest counted; says what became of last year\'s results (F4, F24)', async () => {
    const { c, workers } = await mode();
    await choose(c.querySelector('input[type="file"][multiple]'), [xlsx('004-so-xay-dung.xlsx')]);
    await click(c.querySelector('[data-action="consolidate"]'));
    const brief = (severity: 'error' | 'warning', cell: string, criterion: string, vi: string) => ({ severity, sheet: 'Tự chấm điểm', cell, criterion, message: { vi, en: `${vi} (en)` } });
    const report: ConsolidateReport = {
      ...REPORT,
      findings: [{ file: '004-so-xay-dung.xlsx', counts: { error: 2, warning: 11, info: 0 }, first: [brief('error', 'G12', '1.1', 'Điểm 3 vượt điểm tối đa 2 của tiêu chí 1.1.'), brief('warning', 'G15', '1.4', 'Chưa nhập điểm tự đánh giá cho tiêu chí 1.4.')], more: 11 }],
      baseline: { file: 'nam-truoc.csv', units: 3, used: 2, skipped: [{ vi: 'nam-truoc.csv:7-9: đơn vị "Sở Mẫu" không có trong danh sách đơn vị', en: 'nam-truoc.csv:7-9: unit "Sở Mẫu" is not on the list' }] },
    };
    await workers[0].send({ type: 'done', sheets: [{ name: SUMMARY_SHEET, values: [['TỔNG HỢP']] }], json: JSON_OUT, report, print: PRINT });
    await waitFor(() => expect(c.querySelector('[data-ranking="so"]')).not.toBeNull());
    const toggle = c.querySelector('[data-toggle-findings="004-so-xay-dung.xlsx"]');
    expect(toggle?.textContent).toBe('Xếp hạng, có lỗi (2 lỗi, 11 cảnh báo, 0 lưu ý)');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(c.querySelector('[data-findings]')).toBeNull();
    expect(c.querySelectorAll('[data-toggle-findings]')).toHaveLength(1);
    await click(toggle);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    const items = [...c.querySelectorAll('[data-findings="004-so-xay-dung.xlsx"] li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Lỗi Tự chấm điểm!G12 · tiêu chí 1.1: Điểm 3 vượt điểm tối đa 2 của tiêu chí 1.1.',
      'Cảnh báo Tự chấm điểm!G15 · tiêu chí 1.4: Chưa nhập điểm tự đánh giá cho tiêu chí 1.4.',
      'và 11 phát hiện khác',
    ]);
    await click(toggle);
    expect(c.querySelector('[data-findings]')).toBeNull();
    const baseline = c.querySelector('[data-baseline]')?.textContent;
    expect(baseline).toContain('Kết quả năm trước: nam-truoc.csv');
    expect(baseline).toContain('Đã dùng cho 2 đơn vị (tệp có kết quả của 3 đơn vị');
    expect(baseline).toContain('Các dòng không được dùng (1):nam-truoc.csv:7-9: đơn vị "Sở Mẫu"');
  });
});

describe('the ranking in English', () => {
  it('names grades by the grades file English labels and the statuses in English; unit names stay as given', async () => {
    view = await render(
      <I18nContext.Provider value={makeI18n('en')}>
        <Results output={{ type: 'done', sheets: [], json: JSON_OUT, report: REPORT, print: PRINT }} skipped={[]} service={new MemoryService(sampleGrid())} />
      </I18nContext.Provider>,
    );
    const rows = [...view.container.querySelectorAll('[data-ranking="so"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['1', 'Sở Nội vụGood · Accepted', '91.5'],
      ['1', 'Sở Tài chínhGood · Accepted', '91.5'],
      ['3', 'Sở Xây dựngFair · Ranked with errors · 2 errors', '70.25'],
    ]);
    expect(view.container.querySelector('thead')?.textContent).toBe('RankUnit (grade · status)Index (%)');
  });
});

describe('units without a valid file (tester F5)', () => {
  const communes = Array.from({ length: 12 }, (_, i) => `UBND xã Mẫu ${String(i + 1).padStart(2, '0')}`);
  const output = (missing: string[]) => ({
    type: 'done' as const,
    sheets: [],
    json: {
      ...JSON_OUT,
      units: [...JSON_OUT.units, unit({ unit: 'UBND xã Đồng Phúc', level: 'xa', file: 'dong-phuc.xlsx', status: 'rejected', rank: null, index: null }), unit({ unit: null, level: null, file: 'hong.xlsx', status: 'rejected' })],
    },
    report: { ...REPORT, missing },
    print: PRINT,
  });
  const groups = (c: HTMLElement) =>
    [...c.querySelectorAll('[data-missing-group]')].map((g) => ({
      group: g.getAttribute('data-missing-group'),
      collapsed: g.tagName === 'DETAILS' ? !(g as HTMLDetailsElement).open : false,
      label: g.querySelector('summary, p')?.textContent,
      names: [...g.querySelectorAll('li')].map((li) => li.textContent),
    }));

  it('words the list as the printed report does: rejected files apart from units that sent none; short lists stay open', async () => {
    view = await render(<Results output={output(['UBND huyện Ba Bể', 'UBND xã Đồng Phúc'])} skipped={[]} service={new MemoryService(sampleGrid())} />);
    const c = view.container;
    expect(c.querySelector('[data-missing] h3')?.textContent).toBe('Đơn vị chưa có tệp hợp lệ (2)');
    expect(groups(c)).toEqual([
      { group: 'rejected', collapsed: false, label: 'Đã nộp nhưng tệp bị từ chối (1): xem "Tệp bị từ chối"', names: ['UBND xã Đồng Phúc'] },
      { group: 'unsent', collapsed: false, label: 'Đơn vị chưa nộp (1)', names: ['UBND huyện Ba Bể'] },
    ]);
  });

  it('a long list starts collapsed with its count shown, and opens on asking', async () => {
    view = await render(
      <I18nContext.Provider value={makeI18n('en')}>
        <Results output={output(['UBND xã Đồng Phúc', ...communes])} skipped={[]} service={new MemoryService(sampleGrid())} />
      </I18nContext.Provider>,
    );
    const c = view.container;
    expect(c.querySelector('[data-missing] h3')?.textContent).toBe('Units without a valid file (13)');
    const [rejected, unsent] = groups(c);
    expect(rejected).toMatchObject({ group: 'rejected', collapsed: false, names: ['UBND xã Đồng Phúc'] });
    expect(unsent).toMatchObject({ group: 'unsent', collapsed: true, label: 'Units missing (12)' });
    expect(unsent.names).toEqual(communes);
    await click(c.querySelector('[data-missing-group="unsent"] summary'));
    expect(groups(c)[1].collapsed).toBe(false);
  });
});

describe('the mode in the pane', () => {
  it('opens from the toolbar (loaded on demand) and goes back to the form', async () => {
    view = await render(<App service={new MemoryService(sampleGrid())} />);
    const c = view.container;
    await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull());
    await click(c.querySelector('[data-action="open-consolidate"]'));
    await waitFor(() => expect(c.querySelector('[data-mode="consolidate"]')).not.toBeNull());
    expect(c.querySelector('[role="tree"]')).toBeNull();
    await click(byText(c, 'button', 'Quay lại bảng chấm điểm'));
    await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull());
  });
});
