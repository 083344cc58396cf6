/** The streaming reader gives the grids exceljs gave, on every real-world fixture and the sample. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { FileUnreadableError } from '../../src/xlsx/errors';
import { readWithExceljs } from './exceljsGrid';
import { REAL_WORLD_DIR } from './helpers';

const files = [
  ...readdirSync(REAL_WORLD_DIR)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(REAL_WORLD_DIR, f)),
  resolve(__dirname, '../../data/samples/so-tu-phap-2024.xlsx'),
];

describe('streaming reader = exceljs reader', () => {
  it('covers the 36 fixtures and the sample', () => expect(files.length).toBeGreaterThanOrEqual(37));

  it.each(files.map((f) => [f.split('/').pop()!, f]))('%s', async (_name, path) => {
    const buf = readFileSync(path);
    const expected = await readWithExceljs(buf).catch((e: unknown) => e as Error);
    const actual = await readWorkbookBuffer(buf, 'x.xlsx').catch((e: unknown) => e as Error);
    if (expected instanceof Error) {
      // What exceljs cannot load is unreadable for the streaming reader too.
      expect(actual).toBeInstanceOf(FileUnreadableError);
      return;
    }
    expect(actual).toEqual(expected);
  });
});
