/**
 * Sheets the pane made (consolidation summaries, an appraisal log, a score sheet to print),
 * carried into the original package from a donor: the same workbook written whole by
 * exceljs. A new sheet gets a new part, its relationship, content type, `<sheet>` entry and
 * print names; a sheet the pane rewrote gets its part replaced in place. Its strings become
 * inline strings and its styles are appended to the original styles.xml, so sharedStrings
 * and every other part of the original keep their bytes.
 */
import { posix } from 'node:path';
import JSZip from 'jszip';
import { PlanError, attributes, decodeXml, escapeXml, partText, relationships, relsPathOf, sheetParts, optionalText, unsafe, unsafeFile } from './package';

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const WORKSHEET_TYPE = `${NS_REL}/worksheet`;
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** Whether anything was replaced (the caller drops calcChain then: it may name the old sheet's formula cells). */
export interface TransplantResult {
  replaced: boolean;
}

/** Copies the `sheets` of `donor` into `zip`, added after its sheets or replacing the one of the same name. */
export async function transplantSheets(zip: JSZip, donorBytes: Buffer, sheets: string[], name: string): Promise<TransplantResult> {
  const donor = await JSZip.loadAsync(donorBytes);
  const donorParts = await sheetParts(donor, 'donor.xlsx');
  const donorBook = await optionalText(donor, 'xl/workbook.xml');
  const donorSheets = sheetElements(donorBook);
  const strings = await sharedStrings(donor);
  const styles = await StyleImport.open(zip, donor, name);
  let replaced = false;
  for (const sheet of sheets) {
    const from = donorParts.get(sheet);
    if (!from || from.kind !== 'worksheet') throw new PlanError(`Không có trang tính "${sheet}" để lưu.`, `There is no sheet "${sheet}" to save.`);
    // External links (hyperlinks) travel with the sheet; parts it links to would need copying.
    const rels = await optionalText(donor, relsPathOf(from.path));
    if (relationships(rels, posix.dirname(from.path)).size > 0) {
      throw new PlanError(
        `Trang "${sheet}" có hình, ghi chú hoặc bảng: chưa lưu được vào tệp gốc. Hãy xóa chúng rồi lưu lại.`,
        `Sheet "${sheet}" has pictures, notes or tables: it cannot be saved into the original file yet. Remove them and save again.`,
      );
    }
    const xml = sheetXml(await partText(donor, from.path, sheet), strings, styles, sheet);
    const book = await optionalText(zip, 'xl/workbook.xml');
    const at = donorSheets.findIndex((s) => s.name === sheet);
    const names = localNames(donorBook, at);
    const state = attributes(donorSheets[at]?.attrs ?? '').get('state');
    const existing = (await sheetParts(zip, name)).get(sheet);
    if (existing) {
      await refuseLinkedParts(zip, existing.path, sheet);
      if (existing.kind !== 'worksheet') throw new PlanError(`"${sheet}" là trang biểu đồ, không thay được.`, `"${sheet}" is a chart sheet: it cannot be replaced.`);
      zip.file(existing.path, xml);
      setRels(zip, existing.path, rels);
      zip.file('xl/workbook.xml', withNames(withState(book, sheet, state), sheetIndex(book, sheet), names));
      replaced = true;
    } else {
      const path = freePartPath(zip);
      zip.file(path, xml);
      setRels(zip, path, rels);
      const rId = await addRelationship(zip, path.slice('xl/'.length), name);
      await addContentType(zip, `/${path}`, name);
      const index = sheetElements(book).length;
      zip.file('xl/workbook.xml', withNames(withSheet(book, sheet, rId, state, name), index, names));
    }
  }
  await styles.save();
  return { replaced };
}

/** The sheet's relationships file: the donor's (external links only), or none. */
function setRels(zip: JSZip, path: string, rels: string): void {
  if (/<Relationship\b/.test(rels)) zip.file(relsPathOf(path), rels);
  else zip.remove(relsPathOf(path));
}

// ---------------------------------------------------------------------------------------
// The sheet part: strings inlined, style indexes moved to the original's styles.

/** The donor's shared strings, each the inner XML of its `<si>` (the same content model as `<is>`). */
async function sharedStrings(donor: JSZip): Promise<string[]> {
  const xml = await optionalText(donor, 'xl/sharedStrings.xml');
  return [...xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) => m[1] ?? '');
}

function sheetXml(xml: string, strings: string[], styles: StyleImport, sheet: string): string {
  return (
    xml
      // Only the original's active sheet is selected: two selected tabs would open grouped.
      .replace(/(<sheetView\b[^>]*?)\s+tabSelected="[^"]*"/g, '$1')
      .replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (_m, attrText: string, end: string, inner: string | undefined) => {
        const attrs = attributes(attrText);
        const s = attrs.get('s');
        if (s !== undefined) attrs.set('s', String(styles.xf(Number(s))));
        let body = inner;
        if (attrs.get('t') === 's') {
          const si = strings[Number(/<v>([^<]*)<\/v>/.exec(inner ?? '')?.[1])];
          if (si === undefined) throw unsafe(sheet, `ô ${attrs.get('r')} trỏ tới chuỗi không có`, `cell ${attrs.get('r')} points to a missing string`);
          attrs.set('t', 'inlineStr');
          body = `<is>${si}</is>`;
        }
        const open = `<c${[...attrs].map(([k, v]) => ` ${k}="${v}"`).join('')}`;
        return body === undefined ? `${open}${end}` : `${open}>${body}</c>`;
      })
      .replace(/(<row\b[^>]*?\bs=")(\d+)"/g, (_m, head: string, s: string) => `${head}${styles.xf(Number(s))}"`)
      .replace(/(<col\b[^>]*?\bstyle=")(\d+)"/g, (_m, head: string, s: string) => `${head}${styles.xf(Number(s))}"`)
      .replace(/(<cfRule\b[^>]*?\bdxfId=")(\d+)"/g, (_m, head: string, d: string) => `${head}${styles.dxf(Number(d))}"`)
  );
}

/** A sheet being replaced must not take tables, drawings or notes with it: they would be left pointing at nothing. */
async function refuseLinkedParts(zip: JSZip, path: string, sheet: string): Promise<void> {
  const rels = relationships(await optionalText(zip, relsPathOf(path)), posix.dirname(path));
  if (rels.size === 0) return;
  throw new PlanError(
    `Trang "${sheet}" trong tệp có bảng, hình hoặc ghi chú; không thay được trang này. Hãy đổi tên trang cũ trong Excel rồi lưu lại.`,
    `Sheet "${sheet}" in the file has tables, pictures or notes; it cannot be replaced. Rename the old sheet in Excel, then save again.`,
  );
}

// ---------------------------------------------------------------------------------------
// workbook.xml, its relationships, content types.

interface SheetElement {
  name: string;
  attrs: string;
  start: number;
  end: number;
}

function sheetElements(book: string): SheetElement[] {
  return [...book.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)].map((m) => ({
    name: decodeXml(attributes(m[1]).get('name') ?? ''),
    attrs: m[1],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

function sheetIndex(book: string, sheet: string): number {
  return sheetElements(book).findIndex((s) => s.name === sheet);
}

function withSheet(book: string, sheet: string, rId: string, state: string | undefined, name: string): string {
  const prefix = /<([\w.-]+:)?sheets\b/.exec(book)?.[1] ?? '';
  const close = book.indexOf(`</${prefix}sheets>`);
  const ns = [...book.matchAll(/xmlns:([\w.-]+)="([^"]*)"/g)].find((m) => m[2] === NS_REL || m[2] === NS_REL_STRICT)?.[1];
  if (close < 0 || !ns) throw unsafeFile(name, 'workbook.xml không có danh sách trang', 'workbook.xml has no list of sheets');
  const sheetId = Math.max(0, ...sheetElements(book).map((s) => Number(attributes(s.attrs).get('sheetId')) || 0)) + 1;
  return `${book.slice(0, close)}<${prefix}sheet name="${escapeXml(sheet)}" sheetId="${sheetId}"${stateAttr(state)} ${ns}:id="${rId}"/>${book.slice(close)}`;
}

/** The replaced sheet's visibility as the pane left it. */
function withState(book: string, sheet: string, state: string | undefined): string {
  const el = sheetElements(book).find((s) => s.name === sheet) as SheetElement;
  const attrs = el.attrs.replace(/\s+state="[^"]*"/, '').replace(/\s*$/, '');
  const tag = book.slice(el.start, el.end).replace(el.attrs, `${attrs}${stateAttr(state)}`);
  return book.slice(0, el.start) + tag + book.slice(el.end);
}

/** The `<sheet>` state attribute; a visible sheet is written without one, as Excel writes it. */
const stateAttr = (state: string | undefined) => (state && state !== 'visible' ? ` state="${state}"` : '');

interface DefinedName {
  name: string;
  xml: string;
}

/** The donor's names scoped to one sheet (print area and titles, filter): `localSheetId` left to the caller. */
function localNames(book: string, index: number): DefinedName[] {
  return [...book.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)]
    .filter((m) => attributes(m[1]).get('localSheetId') === String(index))
    .map((m) => ({ name: attributes(m[1]).get('name') ?? '', xml: m[0] }));
}

/** The sheet's local names replaced by `names` (renumbered to `index`). */
function withNames(book: string, index: number, names: DefinedName[]): string {
  const p = /<([\w.-]+:)?workbook\b/.exec(book)?.[1] ?? '';
  const local = new RegExp(`<${p}definedName\\b([^>]*)>[\\s\\S]*?</${p}definedName>`, 'g');
  const replacing = new Set(names.map((n) => n.name));
  let out = book.replace(local, (m, attrs: string) => {
    const a = attributes(attrs);
    return a.get('localSheetId') === String(index) && (replacing.has(a.get('name') ?? '') || (a.get('name') ?? '').startsWith('_xlnm.')) ? '' : m;
  });
  if (names.length === 0) return out;
  const added = names.map((n) => n.xml.replace(/localSheetId="\d+"/, `localSheetId="${index}"`).replace(/<(\/?)definedName\b/g, `<$1${p}definedName`)).join('');
  const close = out.indexOf(`</${p}definedNames>`);
  if (close >= 0) return out.slice(0, close) + added + out.slice(close);
  out = out.replace(new RegExp(`<${p}definedNames\\s*/>`), '');
  // definedNames follows sheets, functionGroups and externalReferences in the schema's order.
  const after = [`</${p}externalReferences>`, `</${p}functionGroups>`, `</${p}sheets>`].map((t) => ({ t, at: out.indexOf(t) })).find((x) => x.at >= 0);
  if (!after) return out;
  const at = after.at + after.t.length;
  return `${out.slice(0, at)}<${p}definedNames>${added}</${p}definedNames>${out.slice(at)}`;
}

async function addRelationship(zip: JSZip, target: string, name: string): Promise<string> {
  const path = 'xl/_rels/workbook.xml.rels';
  const xml = await optionalText(zip, path);
  const ids = new Set([...xml.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const p = /<([\w.-]+:)?Relationships\b/.exec(xml)?.[1] ?? '';
  const close = xml.lastIndexOf(`</${p}Relationships>`);
  if (close < 0) throw unsafeFile(name, 'thiếu xl/_rels/workbook.xml.rels', 'xl/_rels/workbook.xml.rels is missing');
  zip.file(path, `${xml.slice(0, close)}<${p}Relationship Id="rId${n}" Type="${WORKSHEET_TYPE}" Target="${target}"/>${xml.slice(close)}`);
  return `rId${n}`;
}

async function addContentType(zip: JSZip, partName: string, name: string): Promise<void> {
  const path = '[Content_Types].xml';
  const xml = await optionalText(zip, path);
  const p = /<([\w.-]+:)?Types\b/.exec(xml)?.[1] ?? '';
  const close = xml.lastIndexOf(`</${p}Types>`);
  if (close < 0) throw unsafeFile(name, 'thiếu [Content_Types].xml', '[Content_Types].xml is missing');
  zip.file(path, `${xml.slice(0, close)}<${p}Override PartName="${partName}" ContentType="${WORKSHEET_CONTENT}"/>${xml.slice(close)}`);
}

function freePartPath(zip: JSZip): string {
  const taken = new Set(Object.keys(zip.files).map((f) => f.toLowerCase()));
  let n = 1;
  while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
  return `xl/worksheets/sheet${n}.xml`;
}

// ---------------------------------------------------------------------------------------
// Styles: the donor's formats appended to the original's lists, existing indexes untouched.

interface StyleList {
  tag: string;
  items: string[];
  added: number;
}

/** Lists of styles.xml in the schema's order; a missing one is created before the first list after it. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const ITEM: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' };

function listItems(xml: string, p: string, tag: string): string[] | undefined {
  const list = new RegExp(`<${p}${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}${tag}>)`).exec(xml);
  if (!list) return undefined;
  const item = ITEM[tag];
  return [...(list[1] ?? '').matchAll(new RegExp(`<${p}${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${item}>)`, 'g'))].map((m) => m[0]);
}

class StyleImport {
  private readonly xfs = new Map<number, number>();
  private readonly dxfs = new Map<number, number>();
  private readonly lists = new Map<string, StyleList>();
  /** The donor's lists, each parsed once: every new style index looks up to four of them. */
  private readonly donorLists = new Map<string, string[] | undefined>();
  private changed = false;

  private constructor(
    private readonly zip: JSZip,
    private readonly path: string,
    private xml: string,
    private readonly p: string,
    private readonly donor: string,
    private readonly name: string,
  ) {}

  static async open(zip: JSZip, donor: JSZip, name: string): Promise<StyleImport> {
    const rel = [...relationships(await optionalText(zip, 'xl/_rels/workbook.xml.rels'), 'xl').values()].find((r) => r.type.endsWith('/styles'));
    const xml = rel ? await optionalText(zip, rel.target) : '';
    const root = /<([\w.-]+:)?styleSheet\b/.exec(xml);
    if (!rel || !root) throw unsafeFile(name, 'không có styles.xml', 'no styles.xml');
    return new StyleImport(zip, rel.target, xml, root[1] ?? '', await optionalText(donor, 'xl/styles.xml'), name);
  }

  /** The original's cellXfs index for the donor's `index`; the donor's default is the original's default. */
  xf(index: number): number {
    if (index === 0) return 0;
    const known = this.xfs.get(index);
    if (known !== undefined) return known;
    const src = this.donorItems('cellXfs')?.[index];
    if (!src) return 0;
    const a = attributes(/^<xf\b([^>]*?)\/?>/.exec(src)?.[1] ?? '');
    const ids: Record<string, number> = {
      numFmtId: this.numFmt(Number(a.get('numFmtId') ?? 0)),
      fontId: this.item('fonts', Number(a.get('fontId') ?? 0)),
      fillId: this.item('fills', Number(a.get('fillId') ?? 0)),
      borderId: this.item('borders', Number(a.get('borderId') ?? 0)),
      xfId: 0,
    };
    for (const [k, v] of Object.entries(ids)) a.set(k, String(v));
    const inner = /^<xf\b[^>]*?>([\s\S]*)<\/xf>$/.exec(src)?.[1];
    const xml = `<xf${[...a].map(([k, v]) => ` ${k}="${v}"`).join('')}${inner === undefined ? '/>' : `>${inner}</xf>`}`;
    const at = this.add('cellXfs', this.prefixed(xml), false);
    this.xfs.set(index, at);
    return at;
  }

  dxf(index: number): number {
    const known = this.dxfs.get(index);
    if (known !== undefined) return known;
    const src = this.donorItems('dxfs')?.[index];
    const at = src ? this.add('dxfs', this.prefixed(src), true) : 0;
    this.dxfs.set(index, at);
    return at;
  }

  async save(): Promise<void> {
    if (!this.changed) return;
    let xml = this.xml;
    for (const list of this.lists.values()) {
      if (list.added === 0) continue;
      const { p } = this;
      const count = list.items.length;
      const re = new RegExp(`<${p}${list.tag}\\b([^>]*?)(?:/>|>[\\s\\S]*?</${p}${list.tag}>)`);
      const found = re.exec(xml);
      const attrs = found ? attributes(found[1]) : new Map<string, string>();
      attrs.set('count', String(count));
      const el = `<${p}${list.tag}${[...attrs].map(([k, v]) => ` ${k}="${v}"`).join('')}>${list.items.join('')}</${p}${list.tag}>`;
      if (found) xml = xml.slice(0, found.index) + el + xml.slice(found.index + found[0].length);
      else xml = insertList(xml, p, list.tag, el);
    }
    this.zip.file(this.path, xml);
  }

  private list(tag: string): StyleList {
    let list = this.lists.get(tag);
    if (!list) {
      const items = listItems(this.xml, this.p, tag);
      if (!items && tag !== 'numFmts' && tag !== 'dxfs') throw unsafeFile(this.name, `styles.xml thiếu <${tag}>`, `styles.xml has no <${tag}>`);
      list = { tag, items: items ?? [], added: 0 };
      this.lists.set(tag, list);
    }
    return list;
  }

  /** Index of `xml` in the list: an equal item is reused, else it is appended. */
  private add(tag: string, xml: string, alwaysNew: boolean): number {
    const list = this.list(tag);
    const same = alwaysNew ? -1 : list.items.indexOf(xml);
    if (same >= 0) return same;
    list.items.push(xml);
    list.added++;
    this.changed = true;
    return list.items.length - 1;
  }

  private item(tag: 'fonts' | 'fills' | 'borders', index: number): number {
    const src = this.donorItems(tag)?.[index];
    return src ? this.add(tag, this.prefixed(src), false) : 0;
  }

  /** Built-in formats (below 164) keep their id; a custom one is found by its code or added with a free id. */
  private numFmt(id: number): number {
    if (id < 164) return id;
    const src = this.donorItems('numFmts')?.find((f) => attributes(f).get('numFmtId') === String(id));
    const code = src ? attributes(src).get('formatCode') : undefined;
    if (code === undefined) return 0;
    const list = this.list('numFmts');
    const existing = list.items.map((f) => attributes(f)).find((a) => a.get('formatCode') === code);
    if (existing) return Number(existing.get('numFmtId'));
    const next = Math.max(163, ...list.items.map((f) => Number(attributes(f).get('numFmtId')) || 0)) + 1;
    this.add('numFmts', `<${this.p}numFmt numFmtId="${next}" formatCode="${code}"/>`, true);
    return next;
  }

  private donorItems(tag: string): string[] | undefined {
    if (!this.donorLists.has(tag)) this.donorLists.set(tag, listItems(this.donor, '', tag));
    return this.donorLists.get(tag);
  }

  /** A donor element (no prefix) in the original's prefix. */
  private prefixed(xml: string): string {
    return this.p ? xml.replace(/<(\/?)([A-Za-z])/g, `<$1${this.p}$2`) : xml;
  }
}

function insertList(xml: string, p: string, tag: string, el: string): string {
  for (const later of ORDER.slice(ORDER.indexOf(tag) + 1)) {
    const at = xml.search(new RegExp(`<${p}${later}\\b`));
    if (at >= 0) return xml.slice(0, at) + el + xml.slice(at);
  }
  const close = xml.lastIndexOf(`</${p}styleSheet>`);
  return xml.slice(0, close) + el + xml.slice(close);
}
