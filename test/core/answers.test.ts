import { cellText } from '../../src/core/answers';

describe('cellText: the one cell-to-text helper', () => {
  it.each([
    [null, '', ''],
    [undefined, '', ''],
    ['  Có  ', 'Có', 'Có'],
    [1.5, '1.5', '1.5'],
    [{ error: '#REF!' }, '#REF!', ''],
    [true, 'true', ''],
  ])('%p as a value is %p, as a label %p', (v, value, label) => {
    expect(cellText(v)).toBe(value);
    expect(cellText(v, 'label')).toBe(label);
  });
});
