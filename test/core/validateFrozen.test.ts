/**
 * The findings of a generated 5000-row sheet (test/core/generatedSheet.ts) are those the
 * code gave before the validation speed-ups of issue 15, frozen in
 * generated-5000-findings.jsonl.gz (one finding per line, as validateReading returns them),
 * validated cold (every cache empty) and again warm (texts already seen).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Finding } from '../../src/core/findings';
import { validateReading } from '../../src/workbook/read';
import { generatedSheet, type GeneratedSheet } from './generatedSheet';

const FROZEN = readFileSync(join(__dirname, 'generated-5000-findings.jsonl.gz'));

function expectFrozen(found: Finding[]): void {
  const want = gunzipSync(FROZEN).toString('utf8').trimEnd().split('\n');
  const got = found.map((f) => JSON.stringify(f));
  const first = got.findIndex((line, i) => line !== want[i]);
  // The first line that differs, with its neighbour, rather than 6000 lines of diff.
  if (first >= 0 || got.length !== want.length) {
    const at = first >= 0 ? first : Math.min(got.length, want.length);
    expect({ count: got.length, at, lines: got.slice(at, at + 2) }).toEqual({ count: want.length, at, lines: want.slice(at, at + 2) });
  }
  expect(got.length).toBeGreaterThan(5000);
}

describe('a generated 5000-row sheet', () => {
  let sheet: GeneratedSheet;
  beforeAll(async () => {
    sheet = await generatedSheet();
  }, 120_000);

  test('gives the frozen findings, cold then warm', () => {
    const validate = () => validateReading({ ...sheet.reading, answers: sheet.reading.answers.map((a) => ({ ...a })) }, { reference: sheet.reference, today: '2025-01-15' });
    expectFrozen(validate());
    expectFrozen(validate());
  }, 60_000);
});
