// The only globals src/core and src/workbook may use beyond the ES library (tsconfig.core.json):
// TextEncoder, TextDecoder and URL exist in every host the core runs in (browsers, Office, Node >= 18).
// Declared to the extent the core uses them, so anything else from the DOM fails to compile.

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
