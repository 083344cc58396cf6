/** Builds the add-in once for the whole end-to-end run, a release for the local base (reused when dist/ is newer than its sources). */
import { ensureBuild } from '../../scripts/demo';

export default function globalSetup(): void {
  const how = ensureBuild({ quiet: true });
  console.log(`\ne2e: ${how === 'built' ? 'built dist/ (ADDIN_URL=https://localhost:3000/ webpack --mode production)' : 'reusing the fresh dist/'}`);
}
