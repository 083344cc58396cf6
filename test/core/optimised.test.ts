/**
 * The validation speed-ups change no result. Each fast path is compared with the
 * straightforward computation it replaces (kept here as the reference): the ASCII path
 * of foldVietnamese, the clean-code path of normalizeCode, the substring pre-check of
 * kindMentions; and the caches keyed by text (named kinds, methods) are
 * checked by validating a generated province twice: each file in a fresh copy of the
 * modules (nothing cached) and all files one after another in one copy (caches warm,
 * filled by the other files).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { normalizeCode } from '../../src/core/criteriaSet';
import { DOCUMENT_KINDS, foldUnit, foldVietnamese, kindMentions, type KindMention } from '../../src/core/documentKinds';
import { soBeforeDigit, tidy } from '../../src/core/evidence';
import { normalizeText } from '../../src/core/text';
import type { Finding } from '../../src/core/findings';
import type { WorkbookGrid } from '../../src/workbook/grid';
import { readWorkbookFile } from '../../src/xlsx/read';
import { generateProvince, type Province } from '../consolidate/province';
import { evidenceLikeText } from './evidenceArbitraries';

function foldReference(text: string): string {
  let out = '';
  for (const ch of text) {
    const n = normalizeText(ch === 'Ð' || ch === 'ð' ? 'd' : ch);
    out += n.length === ch.length ? n : ch;
  }
  return out;
}

function normalizeCodeReference(raw: string | number): string {
  return String(raw).replace(/[\s\u00a0]+/g, ' ').trim().replace(/\s*\.+$/, '');
}

/** kindMentions as it was: every kind's pattern run over every text. */
function kindMentionsReference(text: string): KindMention[] {
  const patterns = [...DOCUMENT_KINDS]
    .map((k) => ({ kind: k, words: foldVietnamese(k.vi).split(' ') }))
    .sort((a, b) => b.words.join(' ').length - a.words.join(' ').length)
    .map(({ kind, words }) => ({ kind, re: new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'gu') }));
  const folded = foldReference(text);
  const taken = new Uint8Array(folded.length);
  const out: KindMention[] = [];
  for (const { kind, re } of patterns) {
    for (const m of folded.matchAll(re)) {
      const end = m.index + m[0].length;
      if (taken.subarray(m.index, end).some((t) => t === 1)) continue;
      taken.fill(1, m.index, end);
      out.push({ kind, index: m.index, length: m[0].length, citesNumber: /^\s*(?:so\s*(?::\s*)?)?\d/u.test(folded.slice(end)) });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const KIND_NAMES = DOCUMENT_KINDS.flatMap((k) => [k.vi, k.vi.toUpperCase(), foldVietnamese(k.vi), k.vi.replace(' ', '  \n')]);
const kindText = fc.oneof(evidenceLikeText, fc.array(fc.oneof(fc.constantFrom(...KIND_NAMES, ' số 386', '/KH-UBND', ' ', 'x', 'Ă')), { maxLength: 12 }).map((p) => p.join('')));

test('foldVietnamese equals the character-by-character fold', () => {
  fc.assert(fc.property(fc.oneof(evidenceLikeText, fc.string({ unit: 'binary-ascii' })), (s) => foldVietnamese(s.normalize('NFC')) === foldReference(s.normalize('NFC'))), { numRuns: 2000 });
});

test('every code unit of the Basic Multilingual Plane folds as the character-by-character fold has it', () => {
  const units: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) units.push(c);
  for (const c of units) expect([c, foldUnit(c)]).toEqual([c, foldReference(String.fromCharCode(c)).charCodeAt(0)]);
  // soBeforeDigit looks for digits unfolded.
  expect(units.filter((c) => /\d/.test(String.fromCharCode(foldUnit(c))) !== /\d/.test(String.fromCharCode(c)))).toEqual([]);
  // Longer than one String.fromCharCode call takes.
  const all = String.fromCharCode(...units.filter((c) => c < 0x300 || c >= 0x370));
  expect(foldVietnamese(all)).toBe(foldReference(all));
});

test('soBeforeDigit is true exactly when "so" (folded), spaces and a colon come before a digit', () => {
  const soText = fc
    .array(fc.constantFrom('số', 'Số', 'SỐ', 'so', 'sô', 'sỏ', 'ső', 'ş', 'o', 's', ':', ' ', '\u00a0', '\n', '1', '9', 'x', 'Kế hoạch ', '/KH', 'ngày'), { maxLength: 10 })
    .map((p) => p.join('').normalize('NFC'));
  fc.assert(fc.property(fc.oneof(soText, evidenceLikeText), (s) => soBeforeDigit(s) === /so\s*(?::\s*)?\d/u.test(foldReference(s))), { numRuns: 3000 });
});

test('tidy, which runs its patterns only where they might match, equals running them always', () => {
  const reference = (raw: string) => {
    let s = raw.replace(/^[\s\-–+•*·,.;:]+/u, '').replace(/^(?:\d{1,2}|[a-zđ])[.)]\s+/iu, '');
    for (let m = /(?:[\s,.;:\-–+•(]|(?<!\p{L})và)$/u.exec(s); m; m = /(?:[\s,.;:\-–+•(]|(?<!\p{L})và)$/u.exec(s)) s = s.slice(0, m.index);
    return s;
  };
  const piece = fc.constantFrom('- ', '• ', '1. ', '12) ', 'a) ', 'Đ. ', '\u212a) ', 'Kế hoạch', ' số 5', ' và', 'và', ' (bản 3)', '.', ',', ';', ' ', '\u00a0', '\t', '–', '(', ')', 'x', '1', 'à', '\u0001');
  fc.assert(fc.property(fc.oneof(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), evidenceLikeText), (s) => tidy(s) === reference(s)), { numRuns: 5000 });
});

test('normalizeCode equals the replace-and-trim computation', () => {
  const codeLike = fc.array(fc.constantFrom('1', '2', '.', ' ', '\u00a0', '\t', 'I', 'V', 'a', '\n'), { maxLength: 8 }).map((p) => p.join(''));
  fc.assert(fc.property(fc.oneof(codeLike, fc.string(), fc.integer()), (c) => normalizeCode(c) === normalizeCodeReference(c)), { numRuns: 3000 });
});

test('kindMentions with its substring pre-check finds what every pattern finds', () => {
  fc.assert(fc.property(kindText, (s) => {
    const text = s.normalize('NFC');
    expect(kindMentions(text)).toEqual(kindMentionsReference(text));
  }), { numRuns: 2000 });
});

describe('a generated province validated with and without warm caches', () => {
  let dir: string;
  let province: Province;
  const grids = new Map<string, WorkbookGrid | string>();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chiso-optimised-'));
    province = await generateProvince(dir, 16);
    for (const f of readdirSync(dir).sort()) {
      try {
        grids.set(f, await readWorkbookFile(join(dir, f)));
      } catch (e) {
        grids.set(f, String(e));
      }
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  type ReadModule = typeof import('../../src/workbook/read');
  /** src/workbook and src/core loaded afresh: every cache empty. */
  const fresh = (): ReadModule => {
    let m: ReadModule | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      m = require('../../src/workbook/read') as ReadModule;
    });
    return m as ReadModule;
  };
  const validate = (m: ReadModule, file: string): Finding[] | string => {
    const grid = grids.get(file) as WorkbookGrid | string;
    if (typeof grid === 'string') return grid;
    const reading = m.readUnitWorkbook(grid, { file });
    if (!reading.ok) return reading.findings;
    return m.validateReading(reading, { reference: province.sets[reading.meta.level ?? 'so'], today: '2025-01-15' });
  };

  test('every file gives the same findings', () => {
    const files = [...grids.keys()];
    const shared = fresh();
    const warm = new Map(files.map((f) => [f, validate(shared, f)]));
    // Again in the opposite order: every text now comes from the caches the other files filled.
    for (const f of [...files].reverse()) expect(validate(shared, f)).toEqual(warm.get(f));
    for (const f of files) expect(validate(fresh(), f)).toEqual(warm.get(f));
    expect([...warm.values()].some((r) => Array.isArray(r) && r.length > 0)).toBe(true);
  }, 120_000);
});
