/** Issue 10: reading hand-made sheets better must not change what the bundled files give. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundledSummaries, type Summary } from './bundled';

const BASELINE = JSON.parse(readFileSync(resolve(__dirname, 'bundled-baseline.json'), 'utf8')) as Record<string, Summary>;

describe('validate on the bundled sample and template files', () => {
  it('gives the recorded findings, unit, year and total', async () => {
    expect(await bundledSummaries()).toEqual(BASELINE);
  }, 60_000);
});
