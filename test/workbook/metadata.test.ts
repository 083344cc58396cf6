import { gridOfSpec } from './grids';
import { metadataSheetSpec, readMetadata, METADATA_SHEET, type WorkbookMetadata } from '../../src/workbook/metadata';

describe('metadata sheet', () => {
  const meta: WorkbookMetadata = {
    format: 'chiso-cchc/1',
    setId: 'bac-kan-xa-2024',
    setVersion: '2',
    unit: 'UBND xã Nông Thượng',
    level: 'xa',
    year: 2024,
    definitionHash: 'ab'.repeat(32),
    sheet: 'Biểu 01',
    headerRow: 6,
    columnMap: { code: 'A', name: 'B', maxPoints: 'D', selfScore: 'F' },
    contentHash: '3f'.repeat(32),
    checkedAt: '2025-01-10T09:15',
  };

  it('is a veryHidden two-column key/value sheet of texts', () => {
    const spec = metadataSheetSpec(meta);
    expect(spec.name).toBe(METADATA_SHEET);
    expect(spec.visibility).toBe('veryHidden');
    expect(spec.values[0]).toEqual(['key', 'value']);
    expect(spec.values.every((r) => r.length === 2 && r.every((v) => typeof v === 'string'))).toBe(true);
    expect(spec.values.find((r) => r[0] === 'columnMap')?.[1]).toBe('{"code":"A","name":"B","maxPoints":"D","selfScore":"F"}');
  });

  it('reads back what it wrote', () => {
    expect(readMetadata(gridOfSpec({ sheets: [metadataSheetSpec(meta)] }))).toEqual(meta);
  });

  it('reads numbers typed as numbers, ignores unknown keys and bad values', () => {
    const wb = {
      sheets: [
        {
          name: METADATA_SHEET,
          values: [
            ['format', 'chiso-cchc/1'],
            ['year', 2024],
            ['headerRow', 0],
            ['level', 'tinh'],
            ['columnMap', '{"code":"A1"}'],
            ['color', 'red'],
          ],
        },
      ],
    };
    expect(readMetadata(wb)).toEqual({ format: 'chiso-cchc/1', year: 2024 });
  });

  it.each([
    ['a short hash', 'ab12cd34', '2025-01-10T09:15'],
    ['a hash without its time', '3f'.repeat(32), ''],
    ['a time in another form', '3f'.repeat(32), '10/01/2025 09:15'],
  ])('drops the recorded check when it has %s', (_, contentHash, checkedAt) => {
    const wb = { sheets: [{ name: METADATA_SHEET, values: [['format', 'chiso-cchc/1'], ['contentHash', contentHash], ['checkedAt', checkedAt], ['unit', 'Sở Tư pháp']] }] };
    expect(readMetadata(wb)).toEqual({ format: 'chiso-cchc/1', unit: 'Sở Tư pháp' });
  });

  it('is absent without the sheet or with a sheet of that name that is not ours', () => {
    expect(readMetadata({ sheets: [{ name: 'Sheet1', values: [] }] })).toBeUndefined();
    expect(readMetadata({ sheets: [{ name: METADATA_SHEET, values: [['format', 'other']] }] })).toBeUndefined();
  });
});
