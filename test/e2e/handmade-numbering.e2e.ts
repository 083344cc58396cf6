/**
 * The browser app on a commune's hand-made workbook whose numbering restarts in each
 * Roman field (I, 1, 1.1 … II, 1, 2, 2.1; tester finding F1): the pane recognises the
 * commune set, lists field II's criteria, and clicking the score cell of II/5 (D33) opens
 * criterion 2.5, whose score lands in D33.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PREVIEW_PAGE } from '../../scripts/demo';
import { bundledSet } from '../handmade/bundled';
import { communeWorkbook } from '../handmade/commune';
import { eventually, previewOf, SHOTS_DIR, startSession, type Preview, type Session } from './harness';

const FILE_NAME = 'xa-cao-son-danh-so-theo-linh-vuc.xlsx';
const XA = bundledSet('xa');

let session: Session;
let app: Preview;
let rows: Record<string, number>;

beforeAll(async () => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const source = path.join(SHOTS_DIR, FILE_NAME);
  const made = await communeWorkbook(XA, 'restarted');
  rows = made.rows;
  writeFileSync(source, made.buffer);
  session = await startSession();
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${session.server.url}/${PREVIEW_PAGE}`);
  await page.locator('#file-input').setInputFiles(source);
  await page.locator('table.grid td[data-address]').first().waitFor();
  app = previewOf(page, errors);
  await app.pane.getByRole('tree', { name: 'Lĩnh vực và tiêu chí' }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

test('the pane recognises the commune set and every criterion: the total is 100', async () => {
  const body = app.pane.locator('body');
  await eventually(async () => expect(await body.textContent()).toContain('Điểm: 0/100'), 15_000);
  expect(await body.textContent()).not.toContain('chưa nhận ra');
  await app.pane.getByRole('searchbox', { name: 'Tìm theo mã hoặc nội dung' }).fill('quy trình xây dựng');
  await app.pane.getByRole('treeitem', { name: /^2\.1 / }).waitFor();
});

test('clicking the score cell of II/5 opens criterion 2.5, and its score is written in that cell', async () => {
  const cell = `D${rows['2.5']}`;
  expect(cell).toBe('D33');
  await app.page.locator(`table.grid td[data-address="${cell}"]`).click();
  const card = app.pane.getByRole('region', { name: /^2\.5\. Theo dõi tình hình thi hành pháp luật/ });
  await card.waitFor();
  await card.getByLabel('Điểm tự đánh giá', { exact: true }).fill('1');
  await eventually(async () => expect(await app.page.locator(`table.grid td[data-address="${cell}"]`).textContent()).toBe('1'), 15_000);
  await expect(app.page.locator(`table.grid td[data-address="D${rows['1.5']}"]`).textContent()).resolves.toBe('');
  expect(app.errors).toEqual([]);
});
