// Parses manifests with libxml2-wasm and validates them against the Office add-in XSDs.
// stdin: JSON { schemaDir: string | null, documents: string[] }; stdout: JSON array, one
// { parseError?, schemaErrors, root? } per document. A separate process because
// libxml2-wasm is an ESM-only module with top-level await, which Jest's CommonJS runtime
// cannot load; batched because loading the wasm and compiling the XSD dominate the cost.
// Used by scripts/check-manifest.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XmlDocument, XmlElement, XmlText, XmlCData, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';

/** One element as plain data: attributes keyed `local` or `{namespace}local`. */
function toJson(element) {
  const attrs = {};
  for (const attr of element.attrs) {
    attrs[attr.namespaceUri ? `{${attr.namespaceUri}}${attr.name}` : attr.name] = attr.value;
  }
  const children = [];
  let text = '';
  for (let node = element.firstChild; node; node = node.next) {
    if (node instanceof XmlElement) children.push(toJson(node));
    else if (node instanceof XmlText || node instanceof XmlCData) text += node.content;
  }
  return { name: element.name, ns: element.namespaceUri, line: element.line, attrs, text: text.trim(), children };
}

function details(error) {
  const list = Array.isArray(error?.details) && error.details.length > 0 ? error.details : [{ message: String(error?.message ?? error) }];
  return list.map((d) => (d.line ? `line ${d.line}: ` : '') + String(d.message).trim());
}

/** Compiles the XSD once; imports of sibling files resolve against its url through fs. */
function loadValidator(schemaDir) {
  xmlRegisterFsInputProviders();
  const mainPath = path.join(schemaDir, MAIN_XSD);
  const xsd = XmlDocument.fromBuffer(readFileSync(mainPath), { url: mainPath });
  return { validator: XsdValidator.fromDoc(xsd), xsd };
}

function validate(doc, validator) {
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    return details(error);
  }
}

function check(xml, validator) {
  let doc;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    return { parseError: details(error).join('; '), schemaErrors: [] };
  }
  try {
    return { schemaErrors: validator ? validate(doc, validator) : [], root: toJson(doc.root) };
  } finally {
    doc.dispose();
  }
}

function main() {
  const { schemaDir, documents } = JSON.parse(readFileSync(0, 'utf8'));
  const schema = schemaDir ? loadValidator(schemaDir) : null;
  try {
    return documents.map((xml) => check(xml, schema?.validator));
  } finally {
    schema?.validator.dispose();
    schema?.xsd.dispose();
  }
}

process.stdout.write(JSON.stringify(main()));
