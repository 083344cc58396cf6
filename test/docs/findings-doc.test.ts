import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_CODES } from '../../src/core/findings';
import { renderFindingsDoc } from '../../scripts/findings-doc';

test('docs/findings.md documents every finding code and is up to date', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'findings.md'), 'utf8');
  for (const code of FINDING_CODES) expect(doc).toContain(`\`${code}\``);
  expect(doc).toBe(renderFindingsDoc());
});

test('the codes the issue names exist', () => {
  const required = [
    'SCORE_NOT_NUMBER', 'SCORE_NEGATIVE', 'SCORE_ABOVE_MAX', 'SCORE_NOT_ALLOWED', 'SCORE_MISSING',
    'SURVEY_ROW_SCORED', 'TOTAL_MISMATCH', 'NOT_APPLICABLE_NOT_ALLOWED', 'EVIDENCE_MISSING',
    'EVIDENCE_NUMBER_INVALID', 'EVIDENCE_DATE_OUT_OF_PERIOD', 'EVIDENCE_KIND_MISMATCH', 'LINK_INVALID',
    'MAX_POINTS_CHANGED', 'CRITERION_MISSING', 'CRITERION_UNEXPECTED', 'DUPLICATE_CODE',
    'LAYOUT_NOT_FOUND', 'FILE_UNREADABLE',
  ];
  expect(FINDING_CODES).toEqual(expect.arrayContaining(required));
});
