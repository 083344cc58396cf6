// Offline manifest checker: the Office add-in XSDs (1.1) plus what a schema cannot see:
// resids that name no resource, URLs off https or off the add-in's one origin, the
// locales, and icon files with the wrong pixel size.
// CLI: npx tsx scripts/check-manifest.ts [manifest.xml] (exit code 1 on problems).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ManifestCheck {
  /** False only when the caller asked for the cross-checks alone (schemaDir null). */
  schemaChecked: boolean;
  problems: string[];
}

/** An element as the worker reports it; attributes keyed `local` or `{namespace}local`. */
interface XmlNode {
  name: string;
  ns: string;
  line: number;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

interface WorkerResult {
  parseError?: string;
  schemaErrors: string[];
  root?: XmlNode;
}

type ResourceKind = 'Image' | 'Url' | 'ShortString' | 'LongString';

export const REPO_ROOT = path.resolve(__dirname, '..');
/** The XSDs copied into the repository (see its README for origin and terms). */
export const DEFAULT_SCHEMA_DIR = path.resolve(REPO_ROOT, 'test/schemas/office-addin-manifest');
const WORKER = path.join(__dirname, 'manifest-xml-worker.mjs');

const NS_APP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const XSI_TYPE = '{http://www.w3.org/2001/XMLSchema-instance}type';
const DEFAULT_LOCALE = 'vi-VN';
const OVERRIDE_LOCALE = 'en-US';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resource containers under <Resources> and the kind of resource each holds. */
const CONTAINERS: Record<string, ResourceKind> = { Images: 'Image', Urls: 'Url', ShortStrings: 'ShortString', LongStrings: 'LongString' };
/** The kind of resource a `resid` must name, by the element that carries it. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'Image',
  SourceLocation: 'Url',
  FunctionFile: 'Url',
  LearnMoreUrl: 'Url',
  Label: 'ShortString',
  Title: 'ShortString',
  Namespace: 'ShortString',
  Description: 'LongString',
};
/** Top-level icons and their required pixel size (Office's IconUrl and high-DPI icon). */
const TOP_ICONS: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };
/** Elements whose DefaultValue/Value must be an absolute URL. */
const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Image', 'Url']);

function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

function at(node: XmlNode): string {
  return `<${node.name}> (line ${node.line})`;
}

function hasOverride(node: XmlNode, locale: string): boolean {
  return node.children.some((c) => c.name === 'Override' && c.attrs.Locale === locale);
}

function runWorker(documents: string[], schemaDir: string | null): Promise<WorkerResult[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [WORKER], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    proc.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as WorkerResult[]);
      else reject(new Error(`manifest-xml-worker failed (exit ${code}): ${err.trim()}`));
    });
    proc.stdin.end(JSON.stringify({ schemaDir, documents }), 'utf8');
  });
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function checkTop(root: XmlNode, problems: string[]): void {
  if (root.name !== 'OfficeApp' || root.ns !== NS_APP) problems.push(`root must be <OfficeApp> in ${NS_APP}, found <${root.name}> in ${root.ns || 'no namespace'}`);
  if (root.attrs[XSI_TYPE] !== 'TaskPaneApp') problems.push(`OfficeApp xsi:type must be TaskPaneApp, found ${root.attrs[XSI_TYPE] ?? 'none'}`);
  const id = child(root, 'Id')?.text ?? '';
  if (!GUID.test(id)) problems.push(`<Id> must be a GUID, found "${id}"`);
  const locale = child(root, 'DefaultLocale')?.text ?? '';
  if (locale !== DEFAULT_LOCALE) problems.push(`<DefaultLocale> must be ${DEFAULT_LOCALE}, found "${locale}"`);
  for (const name of ['DisplayName', 'Description']) {
    const node = child(root, name);
    if (node && !hasOverride(node, OVERRIDE_LOCALE)) problems.push(`${at(node)} has no ${OVERRIDE_LOCALE} <Override>`);
  }
  const hosts = child(root, 'Hosts')?.children ?? [];
  if (!hosts.some((h) => h.attrs.Name === 'Workbook')) problems.push('<Hosts> must list <Host Name="Workbook"/> (an Excel add-in)');
  const overrideHosts = child(child(root, 'VersionOverrides'), 'Hosts');
  if (overrideHosts && !overrideHosts.children.some((h) => h.attrs[XSI_TYPE] === 'Workbook')) {
    problems.push(`VersionOverrides ${at(overrideHosts)} has no <Host xsi:type="Workbook">`);
  }
}

/** Defined resources by id; duplicate ids and string resources without en-US are problems. */
function collectResources(root: XmlNode, problems: string[]): Map<string, { kind: ResourceKind; node: XmlNode }> {
  const resources = new Map<string, { kind: ResourceKind; node: XmlNode }>();
  const container = child(child(root, 'VersionOverrides'), 'Resources');
  for (const group of container?.children ?? []) {
    const kind = CONTAINERS[group.name];
    if (!kind) continue;
    for (const node of group.children) {
      const id = node.attrs.id ?? '';
      if (resources.has(id)) problems.push(`resource id "${id}" is defined twice (${at(node)})`);
      resources.set(id, { kind, node });
      if ((kind === 'ShortString' || kind === 'LongString') && !hasOverride(node, OVERRIDE_LOCALE)) {
        problems.push(`${kind} "${id}" ${at(node)} has no ${OVERRIDE_LOCALE} <bt:Override>`);
      }
    }
  }
  return resources;
}

function checkResids(root: XmlNode, problems: string[]): void {
  const resources = collectResources(root, problems);
  const used = new Set<string>();
  for (const node of walk(root)) {
    const resid = node.attrs.resid;
    if (resid === undefined) continue;
    used.add(resid);
    const expected = RESID_KIND[node.name];
    const found = resources.get(resid);
    if (!expected) problems.push(`${at(node)} uses resid "${resid}" but this checker does not know which resource kind it needs`);
    else if (!found) problems.push(`${at(node)} uses resid "${resid}", which names no ${expected} resource`);
    else if (found.kind !== expected) problems.push(`${at(node)} uses resid "${resid}", a ${found.kind} resource; it needs a ${expected}`);
  }
  for (const [id, { kind, node }] of resources) {
    if (!used.has(id)) problems.push(`${kind} resource "${id}" ${at(node)} is never used`);
  }
}

/** Every URL in the manifest: typed URL values plus any value that starts with a scheme. */
function collectUrls(root: XmlNode): { value: string; node: XmlNode }[] {
  const urls: { value: string; node: XmlNode }[] = [];
  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i;
  for (const node of walk(root)) {
    const typed = URL_ELEMENTS.has(node.name) && node.attrs.resid === undefined;
    for (const [key, value] of Object.entries(node.attrs)) {
      if (looksLikeUrl.test(value) || (typed && key === 'DefaultValue')) urls.push({ value, node });
    }
    for (const override of typed ? node.children : []) {
      const value = override.attrs.Value;
      if (override.name === 'Override' && value !== undefined && !looksLikeUrl.test(value)) urls.push({ value, node: override });
    }
    if (node.name === 'AppDomain' || looksLikeUrl.test(node.text)) urls.push({ value: node.text, node });
  }
  return urls;
}

function checkUrls(root: XmlNode, problems: string[]): AddinBase | null {
  const source = child(child(root, 'DefaultSettings'), 'SourceLocation')?.attrs.DefaultValue;
  let origin: string | null = null;
  let folder = '/';
  try {
    const url = source ? new URL(source) : null;
    origin = url ? url.origin : null;
    if (url) folder = decodeURIComponent(new URL('.', url).pathname);
  } catch {
    // Reported below with every other URL that does not parse.
  }
  if (!origin) problems.push(`<DefaultSettings><SourceLocation> needs an absolute https URL, found "${source ?? ''}"`);
  for (const { value, node } of collectUrls(root)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${at(node)}: "${value}" is not an absolute URL`);
      continue;
    }
    if (url.protocol !== 'https:') problems.push(`${at(node)}: "${value}" must use https`);
    else if (origin && url.origin !== origin) problems.push(`${at(node)}: "${value}" is not on the add-in's origin ${origin}`);
  }
  return origin ? { origin, folder } : null;
}

/** Where the add-in's files are: the origin and the folder of <SourceLocation> (`/` in dev, `/chiso/` for a release). */
interface AddinBase {
  origin: string;
  folder: string;
}

function checkIconFile(url: string, size: number, node: XmlNode, base: AddinBase, problems: string[]): void {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.origin !== base.origin) return; // already reported as off-origin
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return; // already reported as not a URL
  }
  const assets = `${base.folder}assets/`;
  if (!pathname.startsWith(assets)) {
    problems.push(`${at(node)}: icon "${url}" must be served from ${assets} (copied from the repository's assets folder)`);
    return;
  }
  const file = path.join(REPO_ROOT, pathname.slice(base.folder.length));
  if (!existsSync(file)) {
    problems.push(`${at(node)}: icon file ${path.relative(REPO_ROOT, file)} does not exist`);
    return;
  }
  const found = readPngSize(readFileSync(file));
  if (!found) problems.push(`${at(node)}: ${path.relative(REPO_ROOT, file)} is not a PNG`);
  else if (found.width !== size || found.height !== size) {
    problems.push(`${at(node)}: ${path.relative(REPO_ROOT, file)} is ${found.width}x${found.height}, expected ${size}x${size}`);
  }
}

function checkIcons(root: XmlNode, base: AddinBase, problems: string[]): void {
  for (const [name, size] of Object.entries(TOP_ICONS)) {
    const node = child(root, name);
    const url = node?.attrs.DefaultValue;
    if (node && url) checkIconFile(url, size, node, base, problems);
  }
  const images = new Map<string, XmlNode>();
  for (const node of child(child(root, 'VersionOverrides'), 'Resources')?.children.find((c) => c.name === 'Images')?.children ?? []) {
    if (node.attrs.id) images.set(node.attrs.id, node);
  }
  // The size an image must have comes from each <bt:Image size resid> that uses it.
  for (const node of walk(root)) {
    if (node.name !== 'Image' || node.attrs.resid === undefined) continue;
    const image = images.get(node.attrs.resid);
    const url = image?.attrs.DefaultValue;
    if (image && url) checkIconFile(url, Number(node.attrs.size), node, base, problems);
  }
}

function review(result: WorkerResult, schemaChecked: boolean): ManifestCheck {
  if (result.parseError !== undefined || !result.root) {
    return { schemaChecked, problems: [`not well-formed XML: ${result.parseError ?? 'no root element'}`] };
  }
  const problems = result.schemaErrors.map((e) => `schema: ${e}`);
  checkTop(result.root, problems);
  checkResids(result.root, problems);
  const base = checkUrls(result.root, problems);
  if (base) checkIcons(result.root, base, problems);
  return { schemaChecked, problems };
}

/**
 * Checks several manifests in one worker process (the XSD is compiled once). Resolves with
 * one result per text, in order. `schemaDir` null runs the cross-checks alone, on request;
 * a schema folder that is missing is an error, never a silent skip.
 */
export async function checkManifests(xmlTexts: string[], schemaDir: string | null = DEFAULT_SCHEMA_DIR): Promise<ManifestCheck[]> {
  if (schemaDir !== null && !existsSync(path.join(schemaDir, 'OfficeAppManifestV1_1.xsd'))) {
    throw new Error(`manifest schemas not found in ${schemaDir}: the XSDs ship in test/schemas/office-addin-manifest; restore them from git`);
  }
  const results = await runWorker(xmlTexts, schemaDir);
  return results.map((result) => review(result, schemaDir !== null));
}

/** Checks one manifest's text; `problems` is empty when the manifest is fine. */
export async function checkManifest(xmlText: string, schemaDir: string | null = DEFAULT_SCHEMA_DIR): Promise<ManifestCheck> {
  const [result] = await checkManifests([xmlText], schemaDir);
  return result;
}

async function cli(file: string): Promise<number> {
  const { problems } = await checkManifest(readFileSync(file, 'utf8'));
  for (const problem of problems) console.error(`${file}: ${problem}`);
  console.log(problems.length === 0 ? `${file}: OK (XSD 1.1 + cross-checks)` : `${problems.length} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
  cli(process.argv[2] ?? path.join(REPO_ROOT, 'manifest.xml')).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
