/**
 * Jest global setup. The suite runs in Việt Nam time, the users' own, whatever the
 * machine's zone: "today" and the "checked at" stamp are local (src/core/clock.ts), so the
 * times tests expect are Hà Nội times. Set here, before the workers start, because a test
 * file's process.env is a copy and a zone set there never reaches the Date object.
 * It also builds the bundled CLI once, before the test files that spawn it start side by
 * side (each would otherwise find it missing or stale on a fresh clone).
 */
import { cliBundle } from '../../scripts/cli-bundle.js';

export default function globalSetup(): void {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
  cliBundle();
}
