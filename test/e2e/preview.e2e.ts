/**
 * The preview page itself: the sample opens as a grid with its sheet tabs, the real task
 * pane mounts beside it on the stand-in (no office.js), widths switch, an edit typed in
 * the grid lands in the workbook, and the download is a real .xlsx of that workbook.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describeViolations, download, openPreview, seriousViolations, SERVED_SAMPLE, SHOTS_DIR, shoot, startSession, type Preview, type Session } from './harness';
import { inkOf, readPng } from './png';

let session: Session;
let sample: ExcelJS.Workbook;

beforeAll(async () => {
  session = await startSession();
  sample = new ExcelJS.Workbook();
  await sample.xlsx.readFile(SERVED_SAMPLE);
});

afterAll(async () => {
  await session?.close();
});

function visibleSheetNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
}

/** The first non-empty text cell of a sheet below its title rows: something the grid must show. */
function someTextCell(ws: ExcelJS.Worksheet): { address: string; text: string } {
  for (let r = 1; r <= ws.rowCount; r++) {
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      if (cell.type === ExcelJS.ValueType.String && cell.text.trim().length > 3 && !cell.isMerged) return { address: cell.address, text: cell.text };
    }
  }
  throw new Error(`${ws.name} has no plain text cell`);
}

describe('preview page', () => {
  let preview: Preview;

  beforeAll(async () => {
    preview = await openPreview(session);
  });

  afterAll(async () => {
    await preview?.page.close();
  });

  test('shows the sample as a grid with one tab per visible sheet, the first one open', async () => {
    const names = visibleSheetNames(sample);
    await expectTabs(preview, names);
    const first = sample.getWorksheet(names[0])!;
    const { address, text } = someTextCell(first);
    await expect(preview.page.locator(`table.grid td[data-address="${address}"]`).textContent()).resolves.toBe(text);
  });

  test('hosts the task pane bundle without office.js, at 320 px', async () => {
    const frame = preview.paneFrame();
    const scripts = await frame.evaluate(() => [...document.scripts].map((s) => s.src).filter(Boolean));
    expect(scripts.some((src) => /taskpane\.[0-9a-f]+\.js$/.test(src))).toBe(true);
    expect(scripts.some((src) => src.includes('office.js'))).toBe(false);
    await expect(frame.evaluate(() => window.innerWidth)).resolves.toBe(320);
    expect(preview.errors).toEqual([]);
  });

  test('switches the pane to 450 px and back', async () => {
    await preview.page.getByRole('radio', { name: '450 px' }).check();
    await expect(preview.paneFrame().evaluate(() => window.innerWidth)).resolves.toBe(450);
    expect(new URL(preview.page.url()).searchParams.get('width')).toBe('450');
    await preview.page.getByRole('radio', { name: '320 px' }).check();
    await expect(preview.paneFrame().evaluate(() => window.innerWidth)).resolves.toBe(320);
  });

  test('a value typed in the grid is in the workbook the download gives', async () => {
    const ws = sample.getWorksheet(visibleSheetNames(sample)[0])!;
    // A cell right of the used range: typing there changes nothing the pane validates.
    const address = `${String.fromCharCode(64 + Math.min(ws.columnCount + 1, 26))}${ws.rowCount}`;
    const cell = preview.page.locator(`table.grid td[data-address="${address}"]`);
    const exists = (await cell.count()) === 1;
    const target = exists ? cell : preview.page.locator('table.grid td[data-address]').last();
    const targetAddress = (await target.getAttribute('data-address'))!;
    const typed = 'Ghi chú thử nghiệm: đã kiểm tra';
    await target.dblclick();
    await preview.page.getByRole('textbox', { name: `Ô ${targetAddress} / Cell ${targetAddress}` }).fill(typed);
    await preview.page.keyboard.press('Enter');
    await expect(target.textContent()).resolves.toBe(typed);

    const file = await download(preview);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(file);
    expect(saved.getWorksheet(ws.name)!.getCell(targetAddress).text).toBe(typed);
    expect(visibleSheetNames(saved)).toEqual(visibleSheetNames(sample));
  });

  test('has no serious or critical accessibility violation on the page', async () => {
    const violations = await seriousViolations(preview.page.mainFrame());
    expect(describeViolations(violations)).toBe('');
  });

  test('screenshots: the page as it opens, sample and pane both drawn', async () => {
    // Its own page: the shared one above has been typed into and resized by then.
    const fresh = await openPreview(session);
    try {
      const paneShot = readPng(await shoot(fresh, 'open'));
      const pageShot = readPng(join(SHOTS_DIR, 'open-320.png'));
      expect([pageShot.width, pageShot.height]).toEqual([1280, 800]);
      expect(paneShot.width).toBe(320);
      // A drawn page has text and borders on its background: a blank or half-loaded one has not.
      const page = inkOf(pageShot);
      const pane = inkOf(paneShot);
      expect(page.ink).toBeGreaterThan(0.03);
      expect(page.colours).toBeGreaterThan(20);
      expect(pane.ink).toBeGreaterThan(0.02);
      expect(pane.colours).toBeGreaterThan(10);
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.page.close();
    }
  });
});

async function expectTabs(preview: Preview, names: string[]): Promise<void> {
  const tabs = preview.page.getByRole('tablist', { name: /Trang tính/ }).getByRole('tab');
  await expect(tabs.allTextContents()).resolves.toEqual(names);
  await expect(tabs.first().getAttribute('aria-selected')).resolves.toBe('true');
}
