/**
 * `npm run demo`: builds the add-in (unless dist/ is newer than its sources), serves dist/
 * on http://localhost (3100, or the next free port), prints the browser app's address and
 * opens a browser where one is available. Ctrl+C stops. The end-to-end tests and the
 * pane benchmark use the same build check and server. The build is a release for
 * LOCAL_BASE (https://localhost:3000/, the dev origin): its manifest.xml sideloads next
 * to the dev server, and the browser app runs from any origin.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LOCAL_BASE } from './addin-manifest';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const DIST = path.join(REPO_ROOT, 'dist');
export const DEFAULT_PORT = 3100;
/** The page the demo and the tests open. */
export const PREVIEW_PAGE = 'preview.html';

/** What the build reads: a change to any of these makes dist/ stale. */
const BUILD_INPUTS = ['src', 'assets', 'data/samples', 'manifest.xml', 'webpack.config.js', 'scripts/addin-manifest.js', 'package.json', 'package-lock.json', 'tsconfig.json'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether dist/ holds a production build for LOCAL_BASE newer than every build input. */
export function buildIsFresh(root: string = REPO_ROOT): boolean {
  const page = path.join(root, 'dist', PREVIEW_PAGE);
  const manifest = path.join(root, 'dist', 'manifest.xml');
  if (!existsSync(page) || !existsSync(manifest)) return false;
  // A release built for a province's ADDIN_URL is not the local build the tests expect.
  if (!readFileSync(manifest, 'utf8').includes(`<SourceLocation DefaultValue="${LOCAL_BASE}`)) return false;
  const built = statSync(page).mtimeMs;
  return BUILD_INPUTS.every((input) => newestMtime(path.join(root, input)) <= built);
}

/** Builds in production mode for LOCAL_BASE when dist/ is stale; throws with webpack's output when the build fails. */
export function ensureBuild(options: { quiet?: boolean } = {}): 'reused' | 'built' {
  if (buildIsFresh()) return 'reused';
  if (!options.quiet) console.log(`Đang dựng phần bổ trợ / Building the add-in (ADDIN_URL=${LOCAL_BASE} webpack --mode production)...`);
  const result = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ADDIN_URL: LOCAL_BASE },
    stdio: options.quiet ? 'pipe' : 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(`webpack --mode production failed (exit ${result.status})\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  return 'built';
}

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves a folder over plain http on localhost; a path outside it is refused. */
export function serveDir(dir: string, port: number): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(302, { Location: `/${PREVIEW_PAGE}` }).end();
      return;
    }
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://localhost:${actual}`,
        port: actual,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

/** The first port from `start` that is free (0 lets the system pick one). */
export async function serveOnFreePort(dir: string, start: number, attempts = 20): Promise<StaticServer> {
  for (let port = start; port < start + attempts; port++) {
    try {
      return await serveDir(dir, port);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  return serveDir(dir, 0);
}

/** Opens the page only where a desktop exists: xdg-open under X11/Wayland, `open` on macOS, `start` on Windows. */
function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? ['open', url]
    : process.platform === 'win32' ? ['cmd', '/c', 'start', '', url]
    : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? ['xdg-open', url]
    : null;
  if (!command) return;
  const child = spawn(command[0], command.slice(1), { stdio: 'ignore', detached: true });
  // No browser is not a failure: the address is printed anyway.
  child.on('error', () => undefined);
  child.unref();
}

async function main(): Promise<void> {
  const requested = Number(process.env.PORT ?? DEFAULT_PORT);
  console.log(ensureBuild() === 'reused' ? 'dist/ đã mới, dùng lại / dist/ is up to date, reusing it' : 'Đã dựng xong / Build done');
  const server = await serveOnFreePort(DIST, Number.isInteger(requested) && requested > 0 ? requested : DEFAULT_PORT);
  const page = `${server.url}/${PREVIEW_PAGE}`;
  console.log(
    [
      '',
      'Chỉ số CCHC trên trình duyệt (mở tệp .xlsx của đơn vị, không cần Excel) / PAR INDEX in the browser (your own .xlsx, no Excel needed):',
      `  ${page}`,
      'Mở ngay bảng mẫu / Straight to the sample:',
      `  ${page}?sample=so-tu-phap-2024.xlsx`,
      '',
      'Ctrl+C để dừng / Ctrl+C to stop.',
    ].join('\n'),
  );
  openBrowser(page);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
