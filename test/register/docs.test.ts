import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_CODES } from '../../src/core/findings';
import { REGISTER_HEADERS } from '../../src/workbook/register';
import { registerHeadersTable } from './headersDoc';
import { ROOT } from './registers';

const doc = readFileSync(join(ROOT, 'docs/evidence-register.md'), 'utf8');

describe('docs/evidence-register.md', () => {
  it('shows the header wordings of src/workbook/register-headers.json, as they are', () => {
    expect(doc).toContain(registerHeadersTable(REGISTER_HEADERS));
  });

  it.each(['EVIDENCE_NOT_IN_REGISTER', 'EVIDENCE_DATE_DIFFERS', 'EVIDENCE_KIND_MISMATCH', 'EVIDENCE_SUMMARY_UNRELATED', 'REGISTER_ROW_UNREADABLE', 'REGISTER_NOT_RECOGNISED', 'EVIDENCE_FILE_MISSING', 'EVIDENCE_FILE_UNCITED'])('explains %s, a code of the catalogue', (code) => {
    expect(FINDING_CODES).toContain(code);
    expect(doc.match(new RegExp(`\`${code}\``, 'g'))?.length).toBeGreaterThanOrEqual(2);
  });

  it('is Vietnamese first, then English, and is linked from docs/cli.md and the README', () => {
    expect(doc.indexOf('## Tiếng Việt')).toBeLessThan(doc.indexOf('## English'));
    expect(readFileSync(join(ROOT, 'docs/cli.md'), 'utf8')).toContain('evidence-register.md');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('docs/evidence-register.md');
  });
});
