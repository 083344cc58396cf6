/**
 * How the tests start the real command line: `node bin/chiso.js`, the bundled CLI the
 * installed command and `npm run chiso` run (rebuilt from src/ when a source is newer).
 */
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** The program and the first arguments of a `chiso` process. */
export const CHISO: [string, string[]] = [process.execPath, [join(ROOT, 'bin/chiso.js')]];
