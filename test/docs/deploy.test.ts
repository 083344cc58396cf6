/**
 * docs/deploy.md's table of Excel versions agrees with the manifest's <Requirements>: a
 * version is "Có" exactly when its highest ExcelApi reaches the manifest's MinVersion.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const doc = readFileSync(path.join(ROOT, 'docs', 'deploy.md'), 'utf8');

/** Negative, zero or positive as a.b compares with c.d ('mới nhất' is above every number). */
function compare(a: string, b: string): number {
  if (a === 'mới nhất' || b === 'mới nhất') return a === b ? 0 : a === 'mới nhất' ? 1 : -1;
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  return (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0);
}

const minVersion = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)?.[1];
const section = doc.slice(doc.indexOf('### 5. Phiên bản Excel dùng được'), doc.indexOf('### 6.'));
const rows = [...section.matchAll(/^\| ([^|]+) \| (mới nhất|[\d.]+) \| (Có|Không) \/ (?:Yes|No) \|$/gm)].map((m) => ({ excel: m[1], api: m[2], works: m[3] === 'Có' }));

test('the manifest states the ExcelApi version the docs name', () => {
  expect(minVersion).toBeDefined();
  expect(section).toContain(`<Set Name="ExcelApi" MinVersion="${minVersion}"/>`);
  expect(section).toContain(`**ExcelApi ${minVersion}**`);
  expect(doc).toContain(`The manifest requires ExcelApi ${minVersion}`);
});

test('each Excel version is marked usable exactly when it reaches the manifest\'s ExcelApi', () => {
  expect(rows.length).toBeGreaterThanOrEqual(8);
  expect(rows.some((r) => r.works) && rows.some((r) => !r.works)).toBe(true);
  for (const row of rows) expect([row.excel, row.works]).toEqual([row.excel, compare(row.api, minVersion as string) >= 0]);
});

test('both ways in are documented, Vietnamese first', () => {
  expect(doc.indexOf('## Tiếng Việt')).toBeLessThan(doc.indexOf('## English'));
  for (const text of ['ADDIN_URL=https://cchc.example.gov.vn/chiso/ npm run build', 'preview.html', 'Ứng dụng tích hợp', 'Danh mục Phần', 'Tải lên Phần bổ trợ của tôi', 'Integrated apps', 'Trusted Add-in Catalogs', 'Upload My Add-in', 'Cache-Control: no-cache']) {
    expect(doc).toContain(text);
  }
});
