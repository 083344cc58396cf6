/**
 * The release manifest (scripts/addin-manifest.js, used by the production build): every
 * URL under the province's ADDIN_URL, <Version> from package.json, and the same XSD and
 * cross-checks as the dev manifest. A build without ADDIN_URL stops and says what to set.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkManifests, REPO_ROOT } from '../../scripts/check-manifest';
import { addinBase, LOCAL_BASE, manifestVersion, releaseManifest } from '../../scripts/addin-manifest';

const dev = readFileSync(path.join(REPO_ROOT, 'manifest.xml'), 'utf8');
const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const BASES = ['https://cchc.example.gov.vn/chiso/', 'https://sonoivu.example.vn/', LOCAL_BASE];

/** Every absolute URL in attribute values and element text (comments and namespace names left out). */
function urls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  return [...body.matchAll(/(?:\s(?!xmlns)[\w:]+="|>)([a-z]+:\/\/[^"<]+)/g)].map((m) => m[1]);
}

describe('releaseManifest', () => {
  const released = BASES.map((base) => releaseManifest(dev, base, version));

  test('passes the XSD and every cross-check for each base', async () => {
    const checks = await checkManifests(released);
    expect(checks.map((c) => c.problems)).toEqual(BASES.map(() => []));
    expect(checks.every((c) => c.schemaChecked)).toBe(true);
  });

  test.each(BASES.map((base, i) => [base, i] as const))('every URL lies under %s (the AppDomain is its origin)', (base, i) => {
    const found = urls(released[i]);
    expect(found.length).toBe(urls(dev).length);
    for (const url of found) {
      if (url === new URL(base).origin) continue;
      expect(url.startsWith(base)).toBe(true);
    }
    expect(released[i]).toContain(`<AppDomain>${new URL(base).origin}</AppDomain>`);
    expect(released[i]).not.toContain(base === LOCAL_BASE ? 'https://localhost:3000/chiso' : 'localhost');
  });

  test('an icon outside the base folder\'s assets/ is a problem (the checker knows the folder)', async () => {
    const moved = released[0].replace('<IconUrl DefaultValue="https://cchc.example.gov.vn/chiso/assets/icon-32.png"/>', '<IconUrl DefaultValue="https://cchc.example.gov.vn/assets/icon-32.png"/>');
    expect(moved).not.toBe(released[0]);
    const { problems } = await checkManifests([moved], null).then(([check]) => check);
    expect(problems).toEqual([expect.stringMatching(/icon "https:\/\/cchc\.example\.gov\.vn\/assets\/icon-32\.png" must be served from \/chiso\/assets\//)]);
  });

  test('<Version> is package.json\'s, in four parts', () => {
    expect(released[0]).toContain(`<Version>${version}.0</Version>`);
    expect(manifestVersion('2.13.4')).toBe('2.13.4.0');
    expect(() => manifestVersion('1.0.0-beta.1')).toThrow(/must be x\.y\.z/);
  });

  test('keeps the requirements, permissions and commands of the dev manifest', () => {
    const shape = (xml: string) => xml.replace(/<!--[\s\S]*?-->/g, '').replace(/https:\/\/[^"<]+/g, 'URL').replace(/<Version>[^<]*</, '<Version><');
    expect(shape(released[0])).toBe(shape(dev));
  });
});

describe('addinBase', () => {
  test('adds the closing slash of a folder', () => {
    expect(addinBase('https://cchc.example.gov.vn/chiso')).toBe('https://cchc.example.gov.vn/chiso/');
    expect(addinBase(' https://cchc.example.gov.vn ')).toBe('https://cchc.example.gov.vn/');
  });

  test.each([
    [undefined, /Thiếu ADDIN_URL[\s\S]*ADDIN_URL=https:\/\/cchc\.example\.gov\.vn\/chiso\/ npm run build/],
    ['', /ADDIN_URL is not set/],
    ['cchc.example.gov.vn/chiso/', /is not an absolute URL/],
    ['http://cchc.example.gov.vn/chiso/', /phải dùng https[\s\S]*must use https/],
    ['https://cchc.example.gov.vn/chiso/?v=2', /no query, fragment or credentials/],
  ])('refuses %p and says what to set', (raw, message) => {
    expect(() => addinBase(raw)).toThrow(message);
  });
});

test('a production build without ADDIN_URL stops before building and says what to set', () => {
  const env = { ...process.env };
  delete env.ADDIN_URL;
  const result = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', path.join(REPO_ROOT, '.tmp', 'no-build')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('ADDIN_URL=https://cchc.example.gov.vn/chiso/ npm run build');
  expect(result.stderr).toContain('docs/deploy.md');
});
