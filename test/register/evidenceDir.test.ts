import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { CriteriaSet } from '../../src/core/criteria';
import { checkCriteriaSet, lookupCriteria } from '../../src/core/criteriaSet';
import { checkEvidenceDir, citationsOf, listEvidenceFiles, matchEvidenceFiles } from '../../src/cli/evidenceDir';
import { SET } from './registers';

const criteria = lookupCriteria(checkCriteriaSet(JSON.parse(readFileSync(SET, 'utf8'))).set as CriteriaSet);

const answers = [
  { code: '1.1.1', row: 11, evidence: 'Kế hoạch số 15/KH-STP ngày 20/01/2024 về CCHC' },
  { code: '1.1.2', row: 12, evidence: 'Báo cáo số 312/BC-STP ngày 10/12/2024' },
  { code: '1.2', row: 13, evidence: 'Báo cáo số 98/BC-STP ngày 15/6/2024; https://example.gov.vn/bc' },
  { code: '1.3.1', row: 15, evidence: 'Biên bản họp ngày 05/02/2024' },
  { code: '2.1.1', row: 26, evidence: 'Quyết định số 12/2023/QĐ-UBND ngày 10/01/2023' },
];

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-evidence-'));
  writeFileSync(join(dir, '15-KH-STP.pdf'), 'plan');
  writeFileSync(join(dir, 'So 312_BC-STP ngay 10.12.2024.pdf'), 'report');
  mkdirSync(join(dir, '1.3.1'));
  writeFileSync(join(dir, '1.3.1', 'Bien ban hop.pdf'), 'minutes');
  writeFileSync(join(dir, '12.2023.QD-UBND.docx'), 'decision');
  writeFileSync(join(dir, 'Anh hoi thao.jpg'), 'photo');
  writeFileSync(join(dir, '1.3.10 khac.pdf'), 'other');
  writeFileSync(join(dir, 'Thumbs.db'), 'x');
  writeFileSync(join(dir, '~$15-KH-STP.docx'), 'lock');
  return dir;
}

describe('the evidence folder', () => {
  it('lists and hashes the files (sha256 of the bytes), system and lock files left out', async () => {
    const dir = folder();
    const { files } = await listEvidenceFiles(dir);
    expect(files.map((f) => f.path)).toEqual(['1.3.1/Bien ban hop.pdf', '1.3.10 khac.pdf', '12.2023.QD-UBND.docx', '15-KH-STP.pdf', 'Anh hoi thao.jpg', 'So 312_BC-STP ngay 10.12.2024.pdf']);
    const plan = files.find((f) => f.path === '15-KH-STP.pdf');
    expect(plan).toEqual({ path: '15-KH-STP.pdf', size: 4, sha256: createHash('sha256').update('plan').digest('hex') });
  });

  it('matches citations to files by number and symbol or by criterion code, and lists what is left on either side', async () => {
    const dir = folder();
    const check = await checkEvidenceDir(dir, criteria, answers);
    const byDoc = Object.fromEntries(check.citations.map((c) => [c.doc, c.files]));
    expect(byDoc['15/KH-STP']).toEqual(['15-KH-STP.pdf']);
    expect(byDoc['312/BC-STP']).toEqual(['So 312_BC-STP ngay 10.12.2024.pdf']);
    expect(byDoc['12/2023/QĐ-UBND']).toEqual(['12.2023.QD-UBND.docx']);
    expect(byDoc['Biên bản họp ngày 05/02/2024']).toEqual(['1.3.1/Bien ban hop.pdf']);
    expect(check.unmatchedCitations).toEqual([{ criterion: '1.2', row: 13, doc: '98/BC-STP', symbol: '98/BC-STP' }]);
    expect(check.unmatchedFiles).toEqual(['1.3.10 khac.pdf', 'Anh hoi thao.jpg']);
    expect(check.findings.map((f) => [f.code, f.criterion ?? f.params.path])).toEqual([
      ['EVIDENCE_FILE_MISSING', '1.2'],
      ['EVIDENCE_FILE_UNCITED', '1.3.10 khac.pdf'],
      ['EVIDENCE_FILE_UNCITED', 'Anh hoi thao.jpg'],
    ]);
    expect(check.findings[0].params.example).toBe('98-BC-STP.pdf');
  });

  it('does not follow symbolic links and keeps within its bounds', async () => {
    const dir = folder();
    const outside = mkdtempSync(join(tmpdir(), 'chiso-outside-'));
    writeFileSync(join(outside, '98-BC-STP.pdf'), 'secret');
    symlinkSync(outside, join(dir, 'link'));
    symlinkSync(join(outside, '98-BC-STP.pdf'), join(dir, '98-BC-STP.pdf'));
    const listed = await listEvidenceFiles(dir);
    expect(listed.files.some((f) => f.path.includes('98'))).toBe(false);
    expect(listed.skipped).toBe(2);
    const bounded = await listEvidenceFiles(dir, { maxFiles: 2, maxDepth: 0 });
    expect(bounded.files).toHaveLength(2);
    expect(bounded.skipped).toBeGreaterThanOrEqual(5);
  });

  it('one citation per criterion and document; a criterion code is not a date or a longer code', () => {
    const cites = citationsOf(criteria, [{ code: '1.1.1', evidence: 'KH số 15/KH-STP; Kế hoạch số 15/KH-STP ngày 20/01/2024' }]);
    expect(cites).toEqual([{ criterion: '1.1.1', doc: '15/KH-STP', symbol: '15/KH-STP' }]);
    const m = matchEvidenceFiles('d', [{ path: 'ngay 1.1.2024.pdf', size: 1, sha256: '' }, { path: '1.1.1.pdf', size: 1, sha256: '' }], [{ criterion: '1.1', doc: 'x' }]);
    expect(m.citations[0].files).toEqual([]);
  });
});
