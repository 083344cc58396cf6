/**
 * The release as files: dist/ (built by globalSetup for the local base, exactly as
 * `ADDIN_URL=... npm run build` builds for a province) copied behind a plain static server
 * in a folder, as a province would host it; every URL its manifest names is served; the
 * task pane page's scripts are all there; and the pane runs from those files in Chromium
 * (the browser app), with no dev server.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { checkManifest } from '../../scripts/check-manifest';
import { LOCAL_BASE } from '../../scripts/addin-manifest';
import { DIST, REPO_ROOT } from '../../scripts/demo';
import { SAMPLE_NAME, startSession, type Session } from './harness';

/** The folder the test serves dist/ under, like https://cchc.example.gov.vn/chiso/. */
const FOLDER = '/chiso/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A static file server as any web server is: files under FOLDER, nothing else. */
function hostDist(): Promise<{ base: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.resolve(DIST, `.${pathname.slice(FOLDER.length - 1)}`);
    if (!pathname.startsWith(FOLDER) || !file.startsWith(DIST + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        base: `http://localhost:${port}${FOLDER}`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

const manifest = readFileSync(path.join(DIST, 'manifest.xml'), 'utf8');
const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
/** The manifest's URLs (attribute values and AppDomain), namespace names left out. */
const urls = [...manifest.replace(/<!--[\s\S]*?-->/g, '').matchAll(/(?:\s(?!xmlns)[\w:]+="|>)(https:\/\/[^"<]+)/g)].map((m) => m[1]);

let host: { base: string; close(): Promise<void> };
let session: Session;

beforeAll(async () => {
  host = await hostDist();
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
  await host?.close();
});

test('dist/manifest.xml passes the XSD and the checks, every URL under the base, Version from package.json', async () => {
  const { problems } = await checkManifest(manifest);
  expect(problems).toEqual([]);
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) expect(url === new URL(LOCAL_BASE).origin || url.startsWith(LOCAL_BASE)).toBe(true);
  expect(manifest).toContain(`<Version>${version}.0</Version>`);
});

test('dist/ publishes no source maps and names none', () => {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const all = files(DIST);
  expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
  for (const js of all.filter((f) => f.endsWith('.js'))) expect([path.basename(js), readFileSync(js, 'utf8').includes('sourceMappingURL=')]).toEqual([path.basename(js), false]);
});

test('every URL the manifest names is served from the copied files', async () => {
  for (const url of urls.filter((u) => u.startsWith(LOCAL_BASE))) {
    const served = host.base + url.slice(LOCAL_BASE.length);
    const response = await fetch(served);
    expect([url, response.status]).toEqual([url, 200]);
    const type = response.headers.get('content-type') ?? '';
    expect([url, type]).toEqual([url, url.endsWith('.png') ? 'image/png' : 'text/html; charset=utf-8']);
  }
});

test('the task pane page loads office.js from Microsoft and every other script from the copied files', async () => {
  const html = await (await fetch(`${host.base}taskpane.html`)).text();
  // The minified page leaves attribute values unquoted where it can.
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
  expect(scripts).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  const local = scripts.filter((src) => !/^https?:/.test(src));
  expect(local.length).toBeGreaterThan(0);
  for (const src of local) {
    expect(src.startsWith('/')).toBe(false); // relative: works under any folder
    expect([src, (await fetch(new URL(src, `${host.base}taskpane.html`))).status]).toEqual([src, 200]);
  }
});

test('the pane runs from the copied files in Chromium, in a folder, without a dev server', async () => {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${host.base}preview.html?sample=${SAMPLE_NAME}`);
  await page.locator('table.grid td[data-address]').first().waitFor();
  await page.frameLocator('#pane').getByRole('tree', { name: 'Lĩnh vực và tiêu chí' }).waitFor();
  expect(errors).toEqual([]);
  await page.close();
});
