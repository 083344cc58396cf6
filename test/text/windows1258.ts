/**
 * Text as Excel's "CSV (Comma delimited)" saves it on a Vietnamese Windows: code page
 * 1258, where most toned letters are a base letter (possibly precomposed, as "ô", "ư")
 * followed by a combining tone mark. Built from the platform's own decoder, so the
 * bytes are what a real file holds.
 */
const BYTE_OF = new Map<string, number>();
const decoder = new TextDecoder('windows-1258');
for (let b = 0; b < 256; b++) {
  const ch = decoder.decode(new Uint8Array([b]));
  if (ch !== '\uFFFD' && !BYTE_OF.has(ch)) BYTE_OF.set(ch, b);
}

export function encodeWindows1258(text: string): Uint8Array<ArrayBuffer> {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = BYTE_OF.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    // A base letter code page 1258 holds whole ("ê" of "ệ"), then the other marks as combining bytes.
    const [base, ...marks] = [...ch.normalize('NFD')];
    const candidates = [[base, ...marks], ...marks.map((m, i) => [`${base}${m}`.normalize('NFC'), ...marks.filter((_, j) => j !== i)])];
    const pieces = candidates.find((p) => p.every((piece) => BYTE_OF.has(piece)));
    if (!pieces) throw new Error(`code page 1258 cannot write ${JSON.stringify(ch)}`);
    for (const piece of pieces) out.push(BYTE_OF.get(piece) as number);
  }
  return new Uint8Array(out);
}
