/**
 * The browser app prints as it shows. A commune's workbook made by `chiso template`
 * without --issuer (64 scored rows): "In phiếu" in the pane says the letterhead is the
 * placeholder and where to fix it, then the page printed (print media, page.pdf) keeps
 * every column's screen width (the row numbers' column used to shift each cell one
 * column left), repeats the table's header on every page, cuts no text and takes few
 * pages. A row whose height the file sets is drawn at that height, however long its text.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PREVIEW_PAGE, REPO_ROOT } from '../../scripts/demo';
import { GENERIC_ISSUER } from '../../src/workbook/letterhead';
import { SCORE_SHEET } from '../../src/workbook/print';
import { eventually, fullRowWidths, previewOf, SHOTS_DIR, startSession, type Preview, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

async function openFile(file: string): Promise<Preview> {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${session.server.url}/${PREVIEW_PAGE}`);
  await page.locator('#file-input').setInputFiles(file);
  await page.locator('table.grid td[data-address]').first().waitFor();
  return previewOf(page, errors);
}

describe('a commune\'s workbook made without --issuer, printed from the page', () => {
  let app: Preview;
  const file = path.join(SHOTS_DIR, 'print-grid-xa.xlsx');

  beforeAll(async () => {
    execFileSync(process.execPath, [require.resolve('tsx/cli'), 'src/cli/main.ts', 'template', '--criteria', 'data/criteria/xa-2024.json', '--unit', 'UBND xã Dương Quang', '--level', 'xa', '--out', file, '--force'], { cwd: REPO_ROOT });
    app = await openFile(file);
    await app.pane.getByRole('tree').waitFor();
  });

  afterAll(async () => {
    await app?.page.close();
  });

  test('"In phiếu" builds the sheet and warns that the letterhead is the placeholder, saying which cell to fix', async () => {
    await app.pane.locator('[data-action="print"]').click();
    const warning = app.pane.locator('[data-print-result] [data-letterhead-placeholder]');
    await warning.waitFor({ timeout: 60_000 });
    const text = await warning.innerText();
    expect(text).toContain(`"${GENERIC_ISSUER}"`);
    expect(text).toMatch(/vào ô A1 của trang "[^"]+"/);
    expect(text).toContain('--issuer');
    await app.page.getByRole('tab', { name: SCORE_SHEET, exact: true }).click();
    await app.page.locator('table.grid td[data-address="A1"]').waitFor();
  });

  test('print keeps each column\'s screen width, repeats the header, cuts nothing and fits on few pages', async () => {
    const { page } = app;
    const screen = await fullRowWidths(page);
    await page.emulateMedia({ media: 'print' });
    // Redrawn for paper when the print media query starts to match: no row numbers, no column letters.
    await eventually(async () => expect(await page.locator('table.grid th').count()).toBe(0));
    const printed = await fullRowWidths(page);
    expect(printed.row).toBe(screen.row);
    expect(Object.keys(printed.widths)).toEqual(Object.keys(screen.widths));
    for (const [column, width] of Object.entries(screen.widths)) expect([column, Math.abs(printed.widths[column] - width) <= 3]).toEqual([column, true]);
    // No text cut: a box of a row's set height holds its text, a cell its longest word.
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('table.grid td[data-address]')]
        .filter((td) => td.querySelector('.fit') ? td.firstElementChild!.scrollHeight > td.firstElementChild!.clientHeight + 1 : td.scrollWidth > td.clientWidth + 1)
        .map((td) => `${td.dataset.address}: ${td.textContent}`),
    );
    expect(cut).toEqual([]);

    const pdf = await page.pdf({ preferCSSPageSize: true });
    const out = path.join(SHOTS_DIR, 'print-grid-xa.pdf');
    writeFileSync(out, pdf);
    const pages = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    console.log(`print-grid: ${pages.length} pages, row ${screen.row} widths ${JSON.stringify(screen.widths)} / ${JSON.stringify(printed.widths)}`);
    // 26 pages when the widths were shifted; now 8 (64 criteria, A4 landscape).
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(9);
    // The header row (the sheet's print titles) opens every page.
    for (const [i, text] of pages.entries()) expect([i + 1, /Tiêu chí, tiêu chí thành phần/.test(text)]).toEqual([i + 1, true]);

    await page.emulateMedia({ media: 'screen' });
    await eventually(async () => expect(await page.locator('table.grid tbody th').first().isVisible()).toBe(true));
    expect(app.errors).toEqual([]);
  });
});

test('a row whose height the file sets is drawn at that height; a row without one grows to its text', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổng hợp');
  ws.columns = [{ width: 30 }, { width: 12 }, { width: 12 }];
  const long = 'Cải cách tổ chức bộ máy hành chính nhà nước và chế độ công vụ, tài chính công';
  ws.getRow(1).values = ['Đơn vị', long, long];
  ws.getRow(1).height = 60;
  ws.getRow(2).values = ['UBND xã Dương Quang', `${long}. ${long}`, 1];
  for (const r of [1, 2]) for (const c of [1, 2, 3]) ws.getRow(r).getCell(c).alignment = { wrapText: true };
  const file = path.join(SHOTS_DIR, 'print-grid-heights.xlsx');
  await wb.xlsx.writeFile(file);
  const app = await openFile(file);
  await app.pane.locator('#root > *').first().waitFor();
  const height = (address: string) => app.page.locator(`table.grid td[data-address="${address}"]`).evaluate((td) => (td.parentElement as HTMLElement).getBoundingClientRect().height);
  // 60 pt = 80 CSS px; the text needs about 250.
  await eventually(async () => expect(Math.round(await height('B1'))).toBe(80));
  expect(await height('B2')).toBeGreaterThan(150);
  await app.page.emulateMedia({ media: 'print' });
  await eventually(async () => expect(await app.page.locator('table.grid th').count()).toBe(0));
  expect(Math.round(await height('B1'))).toBe(80);
  await app.page.close();
});
