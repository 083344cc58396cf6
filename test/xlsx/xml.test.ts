/**
 * The reader's XML tokenizer (src/xlsx/xml.ts) reports what a conforming SAX parser
 * (saxes) reports, for every way a part can be cut into chunks as it inflates, and
 * refuses what saxes refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { unzipSync, strFromU8 } from 'fflate';
import { XmlScanner } from '../../src/xlsx/xml';

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** Adjacent texts joined: where a parser splits a text is not part of what it means. */
function push(events: Event[], e: Event): void {
  const last = events[events.length - 1];
  if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
  else events.push(e);
}

function withSaxes(xml: string): Event[] | 'error' {
  const events: Event[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (t) => {
    push(events, ['open', t.name, { ...(t.attributes as Record<string, string>) }]);
    if (t.isSelfClosing) push(events, ['close', t.name]);
  });
  parser.on('closetag', (t) => {
    if (!t.isSelfClosing) push(events, ['close', t.name]);
  });
  parser.on('text', (t) => {
    // saxes reports the whitespace around the root too; our reader never uses it.
    if (events.length > 0 && !(events[events.length - 1][0] === 'close' && depth(events) === 0)) push(events, ['text', t]);
  });
  parser.on('cdata', (t) => push(events, ['text', t]));
  try {
    parser.write(xml).close();
  } catch {
    return 'error';
  }
  return events.filter((e) => e[0] !== 'text' || e[1] !== '');
}

function depth(events: Event[]): number {
  let d = 0;
  for (const e of events) d += e[0] === 'open' ? 1 : e[0] === 'close' ? -1 : 0;
  return d;
}

function withScanner(chunks: string[]): Event[] | 'error' {
  const events: Event[] = [];
  const scanner = new XmlScanner({
    open: (name, attrs) => push(events, ['open', name, { ...attrs }]),
    close: (name) => push(events, ['close', name]),
    text: (t) => push(events, ['text', t]),
  });
  try {
    for (const c of chunks) scanner.write(c);
    scanner.close();
  } catch {
    return 'error';
  }
  return events.filter((e) => e[0] !== 'text' || e[1] !== '');
}

const CASES: string[] = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="x" xmlns:r="y"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><f>SUM(A1:A3)&amp;"x"</f><v>6</v></c></row></sheetData></worksheet>',
  '<sst><si><t xml:space="preserve"> a &lt;b&gt; &#233;&#x1F600; c\r\nd\re </t></si><si><r><rPr><b/></rPr><t>x</t></r><r><t>y</t></r><rPh><t>z</t></rPh></si></sst>',
  "<a b='1' c = \"2\"\td='x&quot;y' e=\"line\r\nnext\ttab&#10;kept\" f=\"[&gt;=100]0\"><!-- a comment <b> --><![CDATA[raw <text> & more]]></a>",
  '<!DOCTYPE root><root><x/><y  /><z></z></root>\n\n',
  '<root>a<!---->b<?pi data?>c</root>',
  '<p:root xmlns:p="u"><p:child p:att="v">text</p:child></p:root>',
  // What must be refused.
  '<root><a></b></root>',
  '<root><a>',
  '<root>&unknown;</root>',
  '<root>&amp</root>',
  '<root a=1/>',
  '<root a="1"b="2"/>',
  '<root/><second/>',
  'text<root/>',
  '<root/>text',
  '',
  '<root a="<"/>',
  '<root>&#0;</root>',
];

describe('the XML tokenizer reads as saxes does', () => {
  it.each(CASES.map((c) => [c.slice(0, 60), c]))('%s', (_label, xml) => {
    const expected = withSaxes(xml);
    expect(withScanner([xml])).toEqual(expected);
    // Cut in two at every position, and in chunks of 1, 2, 3 and 7 characters.
    for (let i = 0; i <= xml.length; i++) expect([i, withScanner([xml.slice(0, i), xml.slice(i)])]).toEqual([i, expected]);
    for (const size of [1, 2, 3, 7]) {
      const chunks: string[] = [];
      for (let i = 0; i < xml.length; i += size) chunks.push(xml.slice(i, i + size));
      expect([size, withScanner(chunks)]).toEqual([size, expected]);
    }
  });

  it('gives what saxes gives on every part of the sample workbook', () => {
    const parts = unzipSync(readFileSync(join(__dirname, '../../data/samples/so-tu-phap-2024.xlsx')));
    const xmlParts = Object.keys(parts).filter((p) => /\.(xml|rels)$/.test(p));
    expect(xmlParts.length).toBeGreaterThan(5);
    for (const p of xmlParts) {
      const xml = strFromU8(parts[p]);
      const expected = withSaxes(xml);
      expect(expected).not.toBe('error');
      expect([p, withScanner([xml])]).toEqual([p, expected]);
      const chunks: string[] = [];
      for (let i = 0; i < xml.length; i += 1000) chunks.push(xml.slice(i, i + 1000));
      expect([p, withScanner(chunks)]).toEqual([p, expected]);
    }
  });
});
