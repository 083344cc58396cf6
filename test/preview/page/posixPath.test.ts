/** The browser build's node:path stand-in agrees with node's posix helpers on part names. */
import { posix as node } from 'node:path';
import fc from 'fast-check';
import { posix } from '../../../src/preview/page/posixPath';

const SAMPLES = ['xl', 'xl/worksheets/sheet1.xml', '/xl/workbook.xml', 'xl/../docProps/app.xml', '../x', './a/./b/', 'a//b', '/', '.', '', 'xl/_rels/'];
const segment = fc.constantFrom('xl', 'worksheets', 'sheet1.xml', '..', '.', '', '_rels', 'a.rels');
const pathArb = fc.array(segment, { maxLength: 6 }).map((parts) => parts.join('/'));

describe('posixPath', () => {
  test.each(SAMPLES)('normalize, dirname, basename of "%s" as node', (p) => {
    if (p !== '') expect(posix.normalize(p)).toBe(node.normalize(p));
    expect(posix.dirname(p)).toBe(node.dirname(p));
    expect(posix.basename(p)).toBe(node.basename(p));
  });

  test('join as node for the folders and targets of relationships', () => {
    expect(posix.join('xl', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(posix.join('xl/worksheets', '../tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(posix.join('xl/worksheets', '_rels', 'sheet1.xml.rels')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
  });

  test('agrees with node on generated paths', () => {
    fc.assert(
      fc.property(pathArb, pathArb, (a, b) => {
        expect(posix.join(a, b)).toBe(node.join(a, b));
        if (a !== '') expect(posix.normalize(a)).toBe(node.normalize(a));
        expect(posix.dirname(a)).toBe(node.dirname(a));
        expect(posix.basename(a)).toBe(node.basename(a));
      }),
    );
  });
});
