/** Builds the add-in once for the whole end-to-end run (reused when dist/ is newer than its sources). */
import { ensureBuild } from '../../scripts/demo';

export default function globalSetup(): void {
  const how = ensureBuild({ quiet: true });
  console.log(`\ne2e: ${how === 'built' ? 'built dist/ (webpack --mode production)' : 'reusing the fresh dist/'}`);
}
