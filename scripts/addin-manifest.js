// The release manifest: the dev manifest.xml (origin https://localhost:3000) moved under
// the base URL a province hosts dist/ at, with <Version> taken from package.json.
// CommonJS so webpack.config.js can use it; scripts/addin-manifest.d.ts types it for TS.
'use strict';

/** The origin every URL of the dev manifest.xml lies on. */
const DEV_ORIGIN = 'https://localhost:3000';
/** The base ensureBuild (demo, e2e, bench) builds for: the dev origin, so dist/manifest.xml also sideloads next to the dev server. */
const LOCAL_BASE = `${DEV_ORIGIN}/`;

const HOW_TO_SET = [
  'Đặt ADDIN_URL là địa chỉ https nơi sẽ chép thư mục dist/, ví dụ:',
  '  ADDIN_URL=https://cchc.example.gov.vn/chiso/ npm run build',
  'Set ADDIN_URL to the https address dist/ will be served from, for example:',
  '  ADDIN_URL=https://cchc.example.gov.vn/chiso/ npm run build',
  '(docs/deploy.md)',
].join('\n');

/**
 * The base URL as the manifest uses it: absolute https, no query or fragment, ending in '/'.
 * Throws a message saying what to set when it is missing or unusable.
 */
function addinBase(raw) {
  if (raw === undefined || raw.trim() === '') throw new Error(`Thiếu ADDIN_URL / ADDIN_URL is not set.\n${HOW_TO_SET}`);
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`ADDIN_URL "${raw}" không phải địa chỉ đầy đủ / is not an absolute URL.\n${HOW_TO_SET}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL "${raw}" phải dùng https (Office chỉ nạp phần bổ trợ qua https) / must use https (Office loads add-ins over https only).\n${HOW_TO_SET}`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`ADDIN_URL "${raw}" không được có ?, # hay tài khoản / must have no query, fragment or credentials.\n${HOW_TO_SET}`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** package.json's semver x.y.z as Office's four-part version x.y.z.0. */
function manifestVersion(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`package.json version "${version}" must be x.y.z (digits only): Office's <Version> is x.y.z.w`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/** The dev manifest's text with every URL moved under `base` (see addinBase) and <Version> set. */
function releaseManifest(devXml, base, version) {
  const origin = new URL(base).origin;
  const count = devXml.split(`${DEV_ORIGIN}/`).length - 1;
  if (count === 0) throw new Error(`manifest.xml has no URL on ${DEV_ORIGIN}/: nothing to move under ${base}`);
  if (!/<Version>[^<]*<\/Version>/.test(devXml)) throw new Error('manifest.xml has no <Version>');
  return devXml
    .replace(/<!--[\s\S]*?-->\s*(?=<OfficeApp)/, `<!-- Chỉ số CCHC ${version}, built for ${base} (npm run build with ADDIN_URL; docs/deploy.md). -->\n`)
    .split(`${DEV_ORIGIN}/`).join(base)
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`).join(`<AppDomain>${origin}</AppDomain>`)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
}

module.exports = { DEV_ORIGIN, LOCAL_BASE, addinBase, manifestVersion, releaseManifest };
