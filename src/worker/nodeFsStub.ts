/**
 * node:fs/promises in the browser bundle: src/xlsx/streamWrite.ts writes .xlsx bytes
 * (streamSpecToBuffer, what the appraisal worker uses) and also files (the CLI only). The
 * browser never writes a file: these throw if anything ever tried. (webpack.config.js
 * replaces node:fs/promises with this module.)
 */
const NO_FILES = 'Không ghi tệp trong trình duyệt / No file writing in the browser';

export async function writeFile(): Promise<never> {
  throw new Error(NO_FILES);
}

export async function rename(): Promise<never> {
  throw new Error(NO_FILES);
}
