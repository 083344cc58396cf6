/** @jest-environment jsdom */
/**
 * "Đối chiếu sổ văn bản" in the pane (issue 16), on the in-memory workbook with the real
 * reading, validation, write planning and register cross-check: a register chosen as a
 * CSV (and as an .xlsx through the worker's own function) gives the counts, the findings
 * lead to their cells without leaving the view, the register's broken row is listed, a
 * suggestion is cited through the pane's write path and "Hoàn tác" takes it back.
 */
import { App } from '../../src/taskpane/App';
import { readRegisterGrids } from '../../src/worker/registerGrids';
import type { RegisterWorker } from '../../src/taskpane/register/registerFile';
import { registerFileKind } from '../../src/taskpane/register/registerFile';
import { citeChange } from '../../src/taskpane/register/registerModel';
import { writeSpecToBuffer } from '../../src/xlsx/write';
import { MemoryService, cellFor, getCell, sampleGrid, setCell } from './fixture';
import { chooseFiles, byText, click, render, settle, waitFor, type Rendered } from './render';

jest.useFakeTimers();

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

/** The sample's criteria 1, 2 and 5 cite the unit's own documents; 3 has no evidence. */
function unitGrid() {
  const blank = sampleGrid();
  const cells: Record<string, string> = {
    // The second document is the province's: not expected in the unit's register.
    [cellFor(blank, '1', 'evidence')]: 'Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp về cải cách hành chính năm 2024\nKế hoạch số 386/KH-UBND ngày 10/01/2024 của UBND tỉnh',
    // Planted: not in the register.
    [cellFor(blank, '2', 'evidence')]: 'Báo cáo số 280/BC-STP ngày 25/11/2024 về kết quả thực hiện kế hoạch CCHC',
    // Planted: the register has it on 04/4/2024.
    [cellFor(blank, '5', 'evidence')]: 'Thông báo số 12/TB-STP ngày 03/4/2024 về công khai thủ tục hành chính',
  };
  return sampleGrid(cells);
}

const HEADER = 'Số, ký hiệu văn bản;Ngày tháng văn bản;Tên loại và trích yếu nội dung văn bản;Người ký';
const REGISTER_CSV = [
  'SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2024',
  HEADER,
  '15/KH-STP;20/01/2024;Kế hoạch cải cách hành chính năm 2024;Nguyễn Văn A',
  '12/TB-STP;04/4/2024;Thông báo công khai thủ tục hành chính;Nguyễn Văn A',
  // Must be offered for criterion 3 ("Công tác kiểm tra cải cách hành chính", evidence "Báo cáo kiểm tra").
  '285/BC-STP;30/11/2024;Báo cáo kết quả kiểm tra công tác cải cách hành chính năm 2024;Nguyễn Văn A',
  // Planted: a date that is no date.
  '40/KH-STP;31/02/2024;Kế hoạch tuyên truyền;Nguyễn Văn A',
  // The year's other documents, about other things: the words 285/BC-STP shares with criterion 3 are rare in the register.
  '20/KH-STP;15/02/2024;Kế hoạch tổ chức Hội thao chào mừng ngày thành lập ngành;Nguyễn Văn A',
  '31/TB-STP;01/03/2024;Thông báo lịch tiếp công dân của lãnh đạo Sở;Nguyễn Văn A',
  '55/BC-STP;20/06/2024;Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm;Nguyễn Văn A',
  '60/KH-STP;01/07/2024;Kế hoạch phổ biến, giáo dục pháp luật về hòa giải ở cơ sở;Nguyễn Văn A',
  '72/BC-STP;15/07/2024;Báo cáo kết quả công tác trợ giúp pháp lý;Nguyễn Văn A',
  '80/QĐ-STP;01/08/2024;Quyết định cử công chức đi học lớp bồi dưỡng nghiệp vụ;Nguyễn Văn A',
].join('\r\n');

/** A chosen file, as the browser gives it to the input's change event. */
const chooseFile = (input: HTMLInputElement, file: File) => chooseFiles(input, [file]);

async function openRegister(service: MemoryService): Promise<HTMLElement> {
  view = await render(<App service={service} />);
  await waitFor(() => expect(view?.container.querySelector('[role="tree"]')).not.toBeNull());
  const c = view.container;
  await click(byText(c, 'button[role="tab"]', 'Sổ văn bản'));
  await waitFor(() => expect(c.querySelector('[data-register]')).not.toBeNull());
  return c;
}

const count = (c: HTMLElement, name: string) => c.querySelector(`[data-count="${name}"]`)?.textContent;
const status = (c: HTMLElement) => c.querySelector('[data-register-status]')?.textContent ?? '';

/** The view with the CSV register read. */
async function withRegister(service: MemoryService): Promise<HTMLElement> {
  const c = await openRegister(service);
  await chooseFile(c.querySelector('input[data-register-file]') as HTMLInputElement, new File([REGISTER_CSV], 'so.csv'));
  await waitFor(() => expect(c.querySelector('[data-suggest="3"]')).not.toBeNull());
  return c;
}

/** Text typed in criterion 3's evidence cell in Excel, its change event not yet handled, then "Trích dẫn": the pane asks. */
async function citeOverTypedText(service: MemoryService): Promise<{ c: HTMLElement; evidence: string; writes: number }> {
  const c = await withRegister(service);
  const evidence = cellFor(service.grid, '3', 'evidence');
  setCell(service.grid, evidence, 'Biên bản kiểm tra ngày 12/11/2024');
  const writes = service.writes.length;
  await click(c.querySelector('[data-suggest="3"] button[data-cite="285/BC-STP"]'));
  await waitFor(() => expect(c.querySelector('[data-cite-confirm]')).not.toBeNull());
  return { c, evidence, writes };
}

describe('a register chosen as CSV', () => {
  it('counts, lists the findings and the unreadable row, and leads to a finding\'s cell without leaving the view', async () => {
    const service = new MemoryService(unitGrid());
    const c = await openRegister(service);
    const input = c.querySelector<HTMLInputElement>('input[type="file"][data-register-file]');
    expect(input).not.toBeNull();
    // The input is labelled: a label names it and the help says the file stays here.
    const label = c.querySelector(`label[for="${input?.id}"]`);
    expect(label?.textContent).toBe('Chọn tệp sổ đăng ký văn bản đi (.xlsx, .csv)');
    await chooseFile(input as HTMLInputElement, new File([REGISTER_CSV], 'so-van-ban-di-2024.csv', { type: 'text/csv' }));
    await waitFor(() => expect(status(c)).toContain('Đã đọc sổ "so-van-ban-di-2024.csv"'));

    expect(count(c, 'cited')).toBe('3');
    expect(count(c, 'found')).toBe('1');
    expect(count(c, 'dateDiffers')).toBe('1');
    expect(count(c, 'notFound')).toBe('1');
    expect(c.querySelector('[data-register-issuer]')?.textContent).toBe('Văn bản có ký hiệu cơ quan "STP" trong số, ký hiệu được coi là của đơn vị. 1 trích dẫn văn bản của cơ quan khác không cần có trong sổ, không được đối chiếu.');

    const findings = [...c.querySelectorAll<HTMLElement>('[data-register-findings] li')];
    const of = (code: string) => findings.find((li) => li.dataset.finding === code);
    expect(of('EVIDENCE_NOT_IN_REGISTER')?.dataset.criterion).toBe('2');
    expect(of('EVIDENCE_NOT_IN_REGISTER')?.textContent).toContain('280/BC-STP');
    expect(of('EVIDENCE_DATE_DIFFERS')?.dataset.criterion).toBe('5');
    // Both dates quoted.
    expect(of('EVIDENCE_DATE_DIFFERS')?.textContent).toMatch(/03\/0?4\/2024/);
    expect(of('EVIDENCE_DATE_DIFFERS')?.textContent).toMatch(/04\/0?4\/2024/);

    const problems = c.querySelector('[data-register-problems]')?.textContent ?? '';
    expect(problems).toContain('31/02/2024');
    // A CSV's row by its line in the file, the title and header lines counted.
    expect(problems).toContain('Dòng 6 của tệp so-van-ban-di-2024.csv có ngày tháng "31/02/2024" không đọc được');

    const cell = cellFor(service.grid, '2', 'evidence');
    const go = of('EVIDENCE_NOT_IN_REGISTER')?.querySelector('button');
    expect(go?.textContent).toBe(`Đến ô ${cell} của tiêu chí 2`);
    await click(go ?? null);
    await settle();
    expect(service.selections.at(-1)).toEqual({ code: '2', field: 'evidence' });
    // Still in the register view, with what was read.
    expect(c.querySelector('[data-register-summary]')).not.toBeNull();
  });

  it('cites a suggestion in one click through the pane\'s write path; "Hoàn tác" takes it back', async () => {
    const service = new MemoryService(unitGrid());
    const c = await withRegister(service);
    const item = c.querySelector<HTMLElement>('[data-suggest="3"]') as HTMLElement;
    expect(item.textContent).toContain('Có thể dùng: Báo cáo số 285/BC-STP ngày 30/11/2024');
    // Why: the words of its summary that fit the criterion.
    expect(item.querySelector('[data-matched]')?.textContent).toBe('khớp: kiểm tra, cải cách hành chính');
    // No suggestion of the register's documents for criteria that cite something already.
    expect(c.querySelector('[data-suggest="1"]')).toBeNull();
    const cite = item.querySelector<HTMLButtonElement>('button[data-cite="285/BC-STP"]');
    expect(cite?.getAttribute('aria-label')).toBe('Trích dẫn 285/BC-STP vào ô tài liệu kiểm chứng của tiêu chí 3');
    const evidence = cellFor(service.grid, '3', 'evidence');
    const before = service.writes.length;
    await click(cite ?? null);
    await settle(10);
    await waitFor(() => expect(service.writes.length).toBe(before + 1));
    // One batch, the evidence cell only.
    const written = service.writes.at(-1) ?? [];
    expect(written).toHaveLength(1);
    expect(written[0].code).toBe('3');
    expect(written[0].evidence).toMatch(/^Báo cáo số 285\/BC-STP ngày 30\/11\/2024 /);
    expect(getCell(service.grid, evidence)).toBe(written[0].evidence);
    await waitFor(() => expect(c.querySelector('[data-save="saved"]')?.textContent).toContain(evidence));
    expect(status(c)).toBe(`Đã ghi trích dẫn 285/BC-STP vào ô ${evidence} của tiêu chí 3. Bấm "Hoàn tác" ở đầu phần bổ trợ để bỏ.`);
    expect(document.activeElement).toBe(c.querySelector('[data-register-status]'));
    // The criterion now cites it: no longer suggested, and counted as found.
    await waitFor(() => expect(c.querySelector('[data-suggest="3"]')).toBeNull());
    expect(count(c, 'found')).toBe('2');

    await click(byText(c, 'button', 'Hoàn tác'));
    await settle(10);
    await waitFor(() => expect(getCell(service.grid, evidence) ?? '').toBe(''));
    await waitFor(() => expect(c.querySelector('[data-suggest="3"]')).not.toBeNull());
  });

  it('keeps the register while other tabs are open', async () => {
    const service = new MemoryService(unitGrid());
    const c = await withRegister(service);
    expect(count(c, 'cited')).toBe('3');
    await click(byText(c, 'button[role="tab"]', 'Tiêu chí'));
    await click(byText(c, 'button[role="tab"]', 'Sổ văn bản'));
    await waitFor(() => expect(count(c, 'cited')).toBe('3'));
  });

  it('says what is wrong with a file that is no register, and how to fix it', async () => {
    const service = new MemoryService(unitGrid());
    const c = await openRegister(service);
    const input = c.querySelector('input[data-register-file]') as HTMLInputElement;
    await chooseFile(input, new File(['Họ và tên;Điểm\nA;1\n'], 'diem.csv'));
    await waitFor(() => expect(c.querySelector('[data-register-error]')).not.toBeNull());
    expect(c.querySelector('[data-register-error]')?.textContent).toContain('Tệp "diem.csv" không có trang tính nào có dòng tiêu đề của sổ văn bản');
    await chooseFile(input, new File(['x'], 'so.xls'));
    await waitFor(() => expect(c.querySelector('[data-register-error]')?.textContent).toContain('Tệp "so.xls" không phải .xlsx hoặc .csv'));
    expect(c.querySelector('[data-register-summary]')).toBeNull();
  });
});

describe('in English', () => {
  it('names the tab, the file input and the counts in English', async () => {
    view = await render(<App service={new MemoryService(unitGrid())} initialLang="en" />);
    const c = view.container;
    await waitFor(() => expect(c.querySelector('[role="tree"]')).not.toBeNull());
    await click(byText(c, 'button[role="tab"]', 'Register'));
    await waitFor(() => expect(c.querySelector('[data-register]')).not.toBeNull());
    const input = c.querySelector<HTMLInputElement>('input[data-register-file]') as HTMLInputElement;
    expect(c.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Choose the register of outgoing documents (.xlsx, .csv)');
    await chooseFile(input, new File([REGISTER_CSV], 'so.csv'));
    await waitFor(() => expect(status(c)).toBe('Read the register "so.csv": 9 documents (so.csv).'));
    expect(c.querySelector('[data-register-summary]')?.textContent).toContain('Not in the register1');
    expect(c.querySelector('[data-register-findings] button')?.textContent).toMatch(/^Go to cell H\d+ of criterion \d$/);
  });
});

describe('reading the file', () => {
  it('knows a register by its ending', () => {
    expect(registerFileKind('So 2024.XLSX')).toBe('xlsx');
    expect(registerFileKind('so.csv')).toBe('csv');
    expect(registerFileKind('so.xls')).toBeUndefined();
  });

  it('an .xlsx register goes through the worker\'s message and reads like the CSV', async () => {
    // The .xlsx reader schedules its own work: real timers here.
    jest.useRealTimers();
    const rows = REGISTER_CSV.split('\r\n').map((l) => l.split(';'));
    const bytes = await writeSpecToBuffer({ sheets: [{ name: 'Sổ 2024', values: rows }] });
    const fake: RegisterWorker = {
      onmessage: null,
      onerror: null,
      postMessage(req) {
        void readRegisterGrids(req).then((data) => this.onmessage?.({ data }));
      },
      terminate() {},
    };
    const { readRegisterFile } = await import('../../src/taskpane/register/registerFile');
    const file = new File([new Uint8Array(bytes)], 'so.xlsx');
    const result = await readRegisterFile(file, async () => () => fake);
    if (!result.ok) throw new Error(result.error.en);
    expect(result.reading.entries.map((e) => e.symbol)).toEqual(['15/KH-STP', '12/TB-STP', '285/BC-STP', '20/KH-STP', '31/TB-STP', '55/BC-STP', '60/KH-STP', '72/BC-STP', '80/QĐ-STP']);
    expect(result.reading.problems).toEqual([expect.objectContaining({ sheet: 'Sổ 2024', row: 6, cell: 'B6', column: 'date', text: '31/02/2024' })]);
    jest.useFakeTimers();
  });
});

describe('a cell that holds text', () => {
  it('is appended to on a new line, or replaced, only as chosen', () => {
    const citation = 'Báo cáo số 285/BC-STP ngày 30/11/2024 về kết quả kiểm tra';
    expect(citeChange('3', 'Biên bản kiểm tra', citation, 'append')).toEqual({ code: '3', evidence: `Biên bản kiểm tra\n${citation}` });
    expect(citeChange('3', 'Biên bản kiểm tra', citation, 'replace')).toEqual({ code: '3', evidence: citation });
    expect(citeChange('3', '', citation, 'blank')).toEqual({ code: '3', evidence: citation });
  });

  it('typed in Excel since the last read: the officer is asked, and nothing is written until they choose', async () => {
    const service = new MemoryService(unitGrid());
    const { c, evidence, writes } = await citeOverTypedText(service);
    const confirm = c.querySelector<HTMLElement>('[data-cite-confirm]') as HTMLElement;
    expect(confirm.getAttribute('role')).toBe('group');
    expect(confirm.textContent).toContain(`Trích dẫn 285/BC-STP vào ô ${evidence} của tiêu chí 3: ô đã có nội dung "Biên bản kiểm tra ngày 12/11/2024".`);
    expect(document.activeElement?.textContent).toBe('Thêm dòng mới');
    await settle(450);
    expect(service.writes.length).toBe(writes);
    // Hủy writes nothing.
    await click(byText(confirm, 'button', 'Hủy'));
    await settle(450);
    expect(c.querySelector('[data-cite-confirm]')).toBeNull();
    expect(service.writes.length).toBe(writes);
    expect(getCell(service.grid, evidence)).toBe('Biên bản kiểm tra ngày 12/11/2024');
    // The pane read the sheet again: the criterion has evidence now, nothing to suggest for it.
    expect(c.querySelector('[data-suggest="3"]')).toBeNull();
  });

  it('"Thêm dòng mới" keeps the text and adds the citation under it; "Hoàn tác" puts the text back', async () => {
    const service = new MemoryService(unitGrid());
    const { c, evidence, writes } = await citeOverTypedText(service);
    await click(byText(c.querySelector('[data-cite-confirm]') as HTMLElement, 'button', 'Thêm dòng mới'));
    await settle(10);
    await waitFor(() => expect(service.writes.length).toBe(writes + 1));
    expect(String(getCell(service.grid, evidence))).toMatch(/^Biên bản kiểm tra ngày 12\/11\/2024\nBáo cáo số 285\/BC-STP ngày 30\/11\/2024 /);
    await click(byText(c, 'button', 'Hoàn tác'));
    await settle(10);
    await waitFor(() => expect(getCell(service.grid, evidence)).toBe('Biên bản kiểm tra ngày 12/11/2024'));
  });
});

describe("the register's findings among the pane's findings", () => {
  const tabCount = (c: HTMLElement) => Number(/\((\d+)\)$/.exec(byText(c, 'button[role="tab"]', 'Phát hiện')?.textContent ?? '')?.[1]);
  const listed = (c: HTMLElement) => [...c.querySelectorAll<HTMLElement>('[role="region"] li[data-finding]')];
  const codes = (c: HTMLElement) => listed(c).map((li) => li.dataset.finding);
  const openFindings = async (c: HTMLElement) => {
    await click(byText(c, 'button[role="tab"]', 'Phát hiện'));
    await waitFor(() => expect(c.querySelector('[role="region"], [data-findings-register]')).not.toBeNull());
  };

  it('are counted in the "Phát hiện" tab once, listed, and each leads to its cell', async () => {
    const service = new MemoryService(unitGrid());
    const c = await openRegister(service);
    const before = tabCount(c);
    await chooseFile(c.querySelector('input[data-register-file]') as HTMLInputElement, new File([REGISTER_CSV], 'so.csv'));
    await waitFor(() => expect(c.querySelector('[data-register-findings]')).not.toBeNull());
    const fromRegister = [...c.querySelectorAll<HTMLElement>('[data-register-findings] li')].map((li) => li.dataset.finding);
    expect(fromRegister).toEqual(expect.arrayContaining(['EVIDENCE_DATE_DIFFERS', 'EVIDENCE_NOT_IN_REGISTER']));
    expect(tabCount(c)).toBe(before + fromRegister.length);

    await openFindings(c);
    expect(listed(c)).toHaveLength(before + fromRegister.length);
    expect(codes(c).filter((code) => code === 'EVIDENCE_NOT_IN_REGISTER')).toHaveLength(1);
    expect(codes(c).filter((code) => code === 'EVIDENCE_DATE_DIFFERS')).toHaveLength(1);
    // The register's own unreadable row names no cell of the sheet: it stays in the register's view.
    expect(codes(c)).not.toContain('REGISTER_ROW_UNREADABLE');
    expect(c.querySelector('[data-findings-register]')?.textContent).toBe(
      `Gồm ${fromRegister.length} phát hiện khi đối chiếu với sổ "so.csv" (tab Sổ văn bản), đối chiếu lại sau mỗi lần sửa bảng. Chọn sổ khác để thay.`,
    );
    const date = listed(c).find((li) => li.dataset.finding === 'EVIDENCE_DATE_DIFFERS') as HTMLElement;
    expect(date.closest('[data-severity]')?.getAttribute('data-severity')).toBe('error');
    const cell = cellFor(service.grid, '5', 'evidence');
    const go = date.querySelector('button');
    expect(go?.textContent).toBe(`Đến ô ${cell}`);
    await click(go ?? null);
    await settle();
    expect(service.selections.at(-1)).toEqual({ code: '5', field: 'evidence' });
    // The tree marks the row with its error too.
    expect(c.querySelector('[role="tree"] [aria-selected="true"]')?.textContent).toContain('5');
  });

  it('are checked again in memory after an edit in the sheet: the register file is not read again', async () => {
    const service = new MemoryService(unitGrid());
    const c = await withRegister(service);
    const reads = jest.spyOn(FileReader.prototype, 'readAsArrayBuffer');
    try {
      await openFindings(c);
      const before = tabCount(c);
      expect(codes(c)).toContain('EVIDENCE_NOT_IN_REGISTER');
      // Criterion 2 now cites a document the register has, with its date.
      service.editCell(cellFor(service.grid, '2', 'evidence'), 'Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp về cải cách hành chính năm 2024');
      await settle(400);
      await waitFor(() => expect(codes(c)).not.toContain('EVIDENCE_NOT_IN_REGISTER'));
      expect(tabCount(c)).toBe(before - 1);
      expect(codes(c)).toContain('EVIDENCE_DATE_DIFFERS');
      expect(reads).not.toHaveBeenCalled();
      // The register's view shows the same check.
      await click(byText(c, 'button[role="tab"]', 'Sổ văn bản'));
      await waitFor(() => expect(count(c, 'notFound')).toBe('0'));
      expect(count(c, 'found')).toBe('2');
    } finally {
      reads.mockRestore();
    }
  });

  it('are replaced by those of another register when one is chosen', async () => {
    const service = new MemoryService(unitGrid());
    const c = await withRegister(service);
    const withFirst = tabCount(c);
    // The corrected export: both documents, with the dates the sheet cites.
    const corrected = [HEADER, '15/KH-STP;20/01/2024;Kế hoạch cải cách hành chính năm 2024;A', '280/BC-STP;25/11/2024;Báo cáo kết quả thực hiện kế hoạch cải cách hành chính;A', '12/TB-STP;03/4/2024;Thông báo công khai thủ tục hành chính;A'].join('\n');
    await chooseFile(c.querySelector('input[data-register-file]') as HTMLInputElement, new File([corrected], 'so-sua.csv'));
    await waitFor(() => expect(status(c)).toContain('Đã đọc sổ "so-sua.csv"'));
    expect(count(c, 'found')).toBe('3');
    await openFindings(c);
    expect(codes(c)).not.toContain('EVIDENCE_NOT_IN_REGISTER');
    expect(codes(c)).not.toContain('EVIDENCE_DATE_DIFFERS');
    expect(tabCount(c)).toBe(withFirst - 2);
    expect(c.querySelector('[data-findings-register]')?.textContent).toContain('sổ "so-sua.csv"');
  });

  it('are counted once by "In phiếu": the date that differs makes the checked sheet a draft with one error', async () => {
    const service = new MemoryService(unitGrid());
    const printed = async (c: HTMLElement): Promise<string> => {
      const n = service.sheetWrites.length;
      await click(c.querySelector('[data-action="print"]'));
      await waitFor(() => expect(service.sheetWrites.length).toBe(n + 1));
      await waitFor(() => expect(c.querySelector('[data-print-result]')).not.toBeNull());
      return c.querySelector('[data-print-result]')?.textContent ?? '';
    };
    const c = await openRegister(service);
    // Without the register the sheet has no error: a checked sheet.
    expect(await printed(c)).not.toMatch(/còn \d+ lỗi/);
    await click(byText(c, 'button[role="tab"]', 'Sổ văn bản'));
    await waitFor(() => expect(c.querySelector('[data-register]')).not.toBeNull());
    await chooseFile(c.querySelector('input[data-register-file]') as HTMLInputElement, new File([REGISTER_CSV], 'so.csv'));
    await waitFor(() => expect(c.querySelector('[data-register-findings]')).not.toBeNull());
    expect(await printed(c)).toMatch(/còn 1 lỗi nên phiếu là bản nháp/);
  });
});
