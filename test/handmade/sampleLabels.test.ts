/** Issue 10 §6: a sheet built from sample data says so on the page, on each row it fills. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PlanItem } from '../../src/core/targets';
import { SAMPLE_PLAN_NOTE, SAMPLE_ROW, planSheet } from '../../src/workbook/summary';

const ROOT = resolve(__dirname, '../..');
const OPTS = { plan: 'Kế hoạch 386/KH-UBND', baseYear: 2023, targetYear: 2024, sipasMode: 'points' as const };

describe('"Theo dõi kế hoạch" from sample targets', () => {
  it('the bundled targets: the note above the table and "MẪU" on every sample row, "Đã công bố" on the verified ones', () => {
    const items = readdirSync(join(ROOT, 'data/targets')).flatMap((n) => (JSON.parse(readFileSync(join(ROOT, 'data/targets', n), 'utf8')) as { items: PlanItem[] }).items);
    const sheet = planSheet(items, OPTS);
    const header = sheet.values.findIndex((r) => r[0] === 'STT');
    expect(sheet.values[header - 2]).toEqual([SAMPLE_PLAN_NOTE]);
    expect(sheet.values[header].at(-1)).toBe('Số liệu');
    const rows = sheet.values.slice(header + 1);
    const byCode = new Map(items.map((it) => [`${it.index} ${it.code}`, it.sample]));
    for (const r of rows) expect([r[3], r.at(-1)]).toEqual([r[3], byCode.get(`${r[2]} ${r[3]}`) ? SAMPLE_ROW : 'Đã công bố']);
    expect(rows.filter((r) => r.at(-1) === SAMPLE_ROW).length).toBe(items.filter((it) => it.sample).length);
    expect(rows.some((r) => r.at(-1) === 'Đã công bố')).toBe(true);
    // The printed page carries the column: print area to the last column.
    expect(sheet.print?.printArea?.right).toBe(sheet.values[header].length - 1);
  });

  it('targets that are all published: no note, no extra column', () => {
    const sheet = planSheet([{ index: 'SIPAS', appendix: 3, code: 'SIPAS', name: 'Chỉ số SIPAS', leadUnit: 'Sở Nội vụ', previous: 75.03, target: 85.03, sample: false }], OPTS);
    expect(sheet.values.flat()).not.toContain(SAMPLE_PLAN_NOTE);
    expect(sheet.values.find((r) => r[0] === 'STT')).toHaveLength(11);
  });
});
