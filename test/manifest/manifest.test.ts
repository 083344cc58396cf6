import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { checkManifest, checkManifests, DEFAULT_SCHEMA_DIR, ManifestCheck, readPngSize, REPO_ROOT } from '../../scripts/check-manifest';
import { encodePng, ICON_SIZES, iconPath, renderIcon } from '../../scripts/make-icons';

const manifest = readFileSync(path.join(REPO_ROOT, 'manifest.xml'), 'utf8');
const MISSING_SCHEMA_DIR = path.join(REPO_ROOT, 'no-such-schema-folder');

/** Replaces exactly one occurrence, so a mutation that stops matching fails loudly. */
function mutate(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`mutation target ${String(from)} occurs ${count} times`);
  return text.replace(from, to);
}

describe('manifest.xml', () => {
  test('passes the XSD and every cross-check', async () => {
    const result = await checkManifest(manifest);
    expect(result.schemaChecked).toBe(true);
    expect(result.problems).toEqual([]);
  });

  test('declares what the add-in relies on', () => {
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
  });
});

// Each mutated copy breaks one rule; the checker must name it.
interface Mutation {
  name: string;
  text: () => string;
  problem: RegExp;
}

const mutations: Mutation[] = [
  { name: 'a resid naming no resource', text: () => mutate(manifest, 'resid="Taskpane.Url"', 'resid="Taskpane.Ur1"'), problem: /resid "Taskpane\.Ur1", which names no Url resource/ },
  { name: 'a resid naming the wrong kind', text: () => mutate(manifest, '<Label resid="CchcGroup.Label"/>', '<Label resid="Taskpane.Url"/>'), problem: /"Taskpane\.Url", a Url resource; it needs a ShortString/ },
  { name: 'a resource nobody uses', text: () => mutate(manifest, '<Title resid="Taskpane.Title"/>', ''), problem: /ShortString resource "Taskpane\.Title" .* is never used/ },
  { name: 'a duplicate resource id', text: () => mutate(manifest, '<bt:Image id="Icon.80x80"', '<bt:Image id="Icon.32x32"'), problem: /"Icon\.32x32" is defined twice/ },
  { name: 'an http URL', text: () => mutate(manifest, 'DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="http://localhost:3000/commands.html"'), problem: /"http:\/\/localhost:3000\/commands\.html" must use https/ },
  { name: 'a URL on another origin', text: () => mutate(manifest, '<IconUrl DefaultValue="https://localhost:3000/', '<IconUrl DefaultValue="https://cdn.example.vn/'), problem: /"https:\/\/cdn\.example\.vn\/assets\/icon-32\.png" is not on the add-in's origin https:\/\/localhost:3000/ },
  { name: 'another port (another origin)', text: () => mutate(manifest, '<AppDomain>https://localhost:3000</AppDomain>', '<AppDomain>https://localhost:3001</AppDomain>'), problem: /<AppDomain>.*not on the add-in's origin/ },
  { name: 'a relative URL', text: () => mutate(manifest, '<SupportUrl DefaultValue="https://localhost:3000/support.html"/>', '<SupportUrl DefaultValue="support.html"/>'), problem: /"support\.html" is not an absolute URL/ },
  { name: 'a non-GUID Id', text: () => mutate(manifest, /<Id>[^<]*<\/Id>/, '<Id>chiso-cchc-addin</Id>'), problem: /<Id> must be a GUID, found "chiso-cchc-addin"/ },
  { name: 'another default locale', text: () => mutate(manifest, '<DefaultLocale>vi-VN</DefaultLocale>', '<DefaultLocale>en-US</DefaultLocale>'), problem: /<DefaultLocale> must be vi-VN/ },
  { name: 'a string resource without English', text: () => mutate(manifest, '<bt:Override Locale="en-US" Value="PAR self-scoring"/>', ''), problem: /ShortString "TaskpaneButton\.Label" .* has no en-US/ },
  { name: 'a DisplayName without English', text: () => mutate(manifest, '<Override Locale="en-US" Value="PAR INDEX (Chỉ số CCHC)"/>', ''), problem: /<DisplayName> .* has no en-US <Override>/ },
  { name: 'no <Hosts> (the schema allows it; Excel needs Workbook)', text: () => mutate(manifest, /\n {2}<Hosts>[\s\S]*?<\/Hosts>/, ''), problem: /<Hosts> must list <Host Name="Workbook"\/>/ },
  { name: 'an icon of the wrong size', text: () => mutate(manifest, '/assets/icon-80.png', '/assets/icon-64.png'), problem: /assets\/icon-64\.png is 64x64, expected 80x80/ },
  { name: 'a missing icon file', text: () => mutate(manifest, '/assets/icon-16.png', '/assets/icon-17.png'), problem: /icon file assets\/icon-17\.png does not exist/ },
  { name: 'an icon outside assets', text: () => mutate(manifest, '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>', '<HighResolutionIconUrl DefaultValue="https://localhost:3000/icon-64.png"/>'), problem: /must be served from \/assets\// },
  { name: 'XML that is not well-formed', text: () => mutate(manifest, '</OfficeApp>', '</OfficeAp>'), problem: /^not well-formed XML: / },
];

/** Checks every mutated copy in one worker run (one wasm load, one XSD compile). */
function checkAll(cases: Mutation[], schemaDir: string | null = DEFAULT_SCHEMA_DIR): () => Promise<Map<string, ManifestCheck>> {
  let results: Promise<Map<string, ManifestCheck>> | undefined;
  return () => {
    results ??= checkManifests(cases.map((c) => c.text()), schemaDir).then((checks) => new Map(cases.map((c, i) => [c.name, checks[i]])));
    return results;
  };
}

describe('checkManifest finds broken manifests', () => {
  const results = checkAll(mutations, null);

  test.each(mutations)('$name', async ({ name, text, problem }) => {
    expect(text()).not.toBe(manifest);
    const result = (await results()).get(name);
    expect(result?.problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  test('cross-checks alone, on request, still find a bad <Id>', async () => {
    const result = await checkManifest(mutate(manifest, /<Id>[^<]*<\/Id>/, '<Id>1</Id>'), null);
    expect(result.schemaChecked).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/<Id> must be a GUID/)]);
  });

  test('a missing schema folder is an error, never a skip', async () => {
    await expect(checkManifest(manifest, MISSING_SCHEMA_DIR)).rejects.toThrow(/manifest schemas not found in .*no-such-schema-folder/);
  });
});

// Violations only the XSD sees; they need the schema folder.
const schemaViolations: Mutation[] = [
  { name: 'no <DefaultSettings>', text: () => mutate(manifest, /\n {2}<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, ''), problem: /^schema: .*Permissions.*not expected/ },
  { name: 'an unknown permission', text: () => mutate(manifest, '<Permissions>ReadWriteDocument<', '<Permissions>FullControl<'), problem: /^schema: .*'FullControl' is not an element of the set/ },
  { name: 'elements out of order', text: () => mutate(manifest, '<Version>1.0.0.0</Version>\n  <ProviderName>Sở Nội vụ - Nhóm phát triển</ProviderName>', '<ProviderName>Sở Nội vụ - Nhóm phát triển</ProviderName>\n  <Version>1.0.0.0</Version>'), problem: /^schema: .*ProviderName.*not expected/ },
  { name: 'a button without a Supertip', text: () => mutate(manifest, /<Supertip>[\s\S]*?<\/Supertip>/, ''), problem: /^schema: .*Icon.*not expected/ },
  { name: 'a version with five parts', text: () => mutate(manifest, '<Version>1.0.0.0</Version>', '<Version>1.0.0.0.0</Version>'), problem: /^schema: .*Version/ },
];

describe('checkManifest applies the XSD', () => {
  const results = checkAll(schemaViolations);

  test.each(schemaViolations)('$name', async ({ name, problem }) => {
    const result = (await results()).get(name);
    expect(result?.schemaChecked).toBe(true);
    expect(result?.problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });
});

describe('icons', () => {
  test.each(ICON_SIZES.map((size) => [size]))('assets/icon-%i.png is what make-icons draws, at its size', (size) => {
    const committed = readFileSync(iconPath(size));
    expect(readPngSize(committed)).toEqual({ width: size, height: size });
    expect(committed.equals(renderIcon(size))).toBe(true);
  });

  test('readPngSize reads any encoded size and never throws on other bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), (size) => {
        expect(readPngSize(encodePng(size, new Uint8Array(size * size * 4)))).toEqual({ width: size, height: size });
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const found = readPngSize(bytes);
        expect(found === null || (Number.isInteger(found.width) && Number.isInteger(found.height))).toBe(true);
      }),
    );
  });

  test('a truncated or renamed file is not taken for a PNG', () => {
    const png = renderIcon(16);
    expect(readPngSize(png.subarray(0, 20))).toBeNull();
    expect(readPngSize(Buffer.from('GIF89a' + '\0'.repeat(30), 'binary'))).toBeNull();
  });
});

describe('checkManifests on arbitrary text', () => {
  test('reports problems instead of throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string({ maxLength: 80 }), fc.constant('<OfficeApp/>'), fc.constant(manifest.slice(0, 400))), { minLength: 1, maxLength: 20 }), async (texts) => {
        const results = await checkManifests(texts, null);
        expect(results).toHaveLength(texts.length);
        for (const { problems } of results) expect(problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 4 },
    );
  });
});
