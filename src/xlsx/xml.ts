/**
 * A small XML tokenizer for the parts of an .xlsx, fed text in chunks as a part inflates.
 * It reports what the reader needs (a start tag with its attributes, an end tag, text)
 * and checks what makes a part broken (a tag left open or closed out of order, an unknown
 * entity, text outside the root, an unterminated token), so a damaged part is refused
 * as before. It does what an XML parser does to text and attribute values: line ends
 * become \n, the predefined and numeric entities are decoded, attribute whitespace becomes
 * spaces. No DTD processing: a DOCTYPE is skipped, and so are comments and processing
 * instructions. Written for speed: several times faster than a general SAX parser on
 * worksheet parts, which are most of what consolidation reads. No node API.
 */

export interface XmlHandlers {
  /** A start tag; `name` and attribute names as written (with their prefix). */
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Text with entities decoded; throws XmlError on an unknown or unterminated one. */
function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) throw new XmlError('unterminated entity');
    const name = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120; /* x */
      const digits = name.slice(hex ? 2 : 1);
      const code = digits !== '' && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!(code >= 1 && code <= 0x10ffff)) throw new XmlError(`bad character reference &${name};`);
      ch = String.fromCodePoint(code);
    } else {
      ch = ENTITIES[name];
      if (ch === undefined) throw new XmlError(`undefined entity &${name};`);
    }
    out += s.slice(from, amp) + ch;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

/** \r\n and a lone \r become \n, as an XML parser reads line ends. */
const normalizeLineEnds = (s: string) => (s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n'));

function attributeValue(raw: string): string {
  // Line ends first, then every literal whitespace character becomes a space; &#10; stays a line end.
  let s = normalizeLineEnds(raw);
  if (/[\t\n]/.test(s)) s = s.replace(/[\t\n]/g, ' ');
  if (s.indexOf('<') >= 0) throw new XmlError('< in an attribute value');
  return decodeEntities(s);
}

/**
 * A copy of `s` that does not keep the part's whole text alive: V8 makes a substring of 13
 * characters or more a view of its parent, so one cached cell text (a header, a unit name)
 * would hold the whole shared-strings part of every workbook read. Joining and slicing
 * copies the characters once.
 */
const detach = (s: string) => (s.length < 13 ? s : (' ' + s).slice(1));

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** Where a name ends: at whitespace, '/', '>' or '='. */
function nameEnd(s: string, i: number): number {
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 47 || c === 62 || c === 61) break;
  }
  return i;
}

export class XmlScanner {
  private rest = '';
  private readonly stack: string[] = [];
  private rootSeen = false;

  constructor(private readonly h: XmlHandlers) {}

  write(chunk: string): void {
    const s = this.rest === '' ? chunk : this.rest + chunk;
    const used = this.scan(s);
    this.rest = used === s.length ? '' : s.slice(used);
  }

  close(): void {
    if (this.rest.trim() !== '') throw new XmlError(this.rest.includes('<') ? 'unterminated token' : 'text after the root');
    if (this.stack.length > 0) throw new XmlError(`unclosed tag ${this.stack[this.stack.length - 1]}`);
    if (!this.rootSeen) throw new XmlError('no root element');
  }

  private emitText(raw: string): void {
    if (this.stack.length === 0) {
      if (raw.trim() !== '') throw new XmlError('text outside the root');
      return;
    }
    this.h.text?.(detach(decodeEntities(normalizeLineEnds(raw))));
  }

  /** Consumes every complete token of `s`; returns where the incomplete rest begins. */
  private scan(s: string): number {
    const h = this.h;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        // Text, maybe continued in the next chunk: what is surely whole is given now (not a
        // split entity or \r\n), so a long text is not scanned again with every chunk.
        if (this.stack.length === 0) return pos;
        let cut = s.lastIndexOf('&');
        if (cut < pos) cut = s.length;
        if (cut > pos && s.charCodeAt(cut - 1) === 13) cut--;
        if (cut > pos) this.emitText(s.slice(pos, cut));
        return cut;
      }
      if (lt > pos) this.emitText(s.slice(pos, lt));
      pos = lt;
      const next = s.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return pos;
      if (next === 47 /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return pos;
        const name = s.slice(lt + 2, gt).trimEnd();
        const open = this.stack.pop();
        if (open !== name) throw new XmlError(`</${name}> closes ${open === undefined ? 'nothing' : `<${open}>`}`);
        h.close?.(name);
        pos = gt + 1;
        continue;
      }
      if (next === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) return pos;
        pos = end + 2;
        continue;
      }
      if (next === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) return pos;
          pos = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) return pos;
          if (this.stack.length === 0) throw new XmlError('CDATA outside the root');
          if (end > lt + 9) h.text?.(detach(normalizeLineEnds(s.slice(lt + 9, end))));
          pos = end + 3;
        } else if (s.startsWith('<!DOCTYPE', lt)) {
          if (this.rootSeen) throw new XmlError('DOCTYPE after the root');
          const bracket = s.indexOf('[', lt);
          const gt0 = s.indexOf('>', lt);
          if (gt0 < 0) return pos;
          let gt = gt0;
          if (bracket >= 0 && bracket < gt0) {
            const close = s.indexOf(']', bracket);
            if (close < 0) return pos;
            gt = s.indexOf('>', close);
            if (gt < 0) return pos;
          }
          pos = gt + 1;
        } else {
          if (s.length - lt < 9) return pos;
          throw new XmlError('unexpected <!');
        }
        continue;
      }
      // A start tag: its name, then attributes (a quoted value may hold '>').
      let i = nameEnd(s, lt + 1);
      if (i >= s.length) return pos;
      const name = s.slice(lt + 1, i);
      if (name === '') throw new XmlError('empty tag name');
      const attrs: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        while (i < s.length && isSpace(s.charCodeAt(i))) i++;
        if (i >= s.length) return pos;
        const c = s.charCodeAt(i);
        if (c === 62 /* > */) {
          i++;
          break;
        }
        if (c === 47 /* / */) {
          if (i + 1 >= s.length) return pos;
          if (s.charCodeAt(i + 1) !== 62) throw new XmlError(`bad end of <${name}>`);
          selfClosing = true;
          i += 2;
          break;
        }
        const start = i;
        i = nameEnd(s, i);
        if (i >= s.length) return pos;
        const attr = s.slice(start, i);
        if (attr === '') throw new XmlError(`bad attribute in <${name}>`);
        while (i < s.length && isSpace(s.charCodeAt(i))) i++;
        if (i >= s.length) return pos;
        if (s.charCodeAt(i) !== 61 /* = */) throw new XmlError(`attribute ${attr} without a value in <${name}>`);
        i++;
        while (i < s.length && isSpace(s.charCodeAt(i))) i++;
        if (i >= s.length) return pos;
        const q = s.charCodeAt(i);
        if (q !== 34 && q !== 39) throw new XmlError(`unquoted attribute ${attr} in <${name}>`);
        const end = s.indexOf(q === 34 ? '"' : "'", i + 1);
        if (end < 0) return pos;
        const raw = s.slice(i + 1, end);
        attrs[attr] = detach(raw.indexOf('&') < 0 && !/[\t\n\r<]/.test(raw) ? raw : attributeValue(raw));
        i = end + 1;
        const after = s.charCodeAt(i);
        if (i < s.length && !isSpace(after) && after !== 62 && after !== 47) throw new XmlError(`no space between attributes in <${name}>`);
      }
      if (this.stack.length === 0) {
        if (this.rootSeen) throw new XmlError('a second root element');
        this.rootSeen = true;
      }
      if (!selfClosing) this.stack.push(name);
      h.open(name, attrs, selfClosing);
      if (selfClosing) h.close?.(name);
      pos = i;
    }
  }
}
