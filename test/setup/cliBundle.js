// Jest's global setup: builds the bundled CLI once, before the test files that spawn it
// start side by side (each would otherwise find it missing or stale on a fresh clone).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: runs before any TypeScript tooling */
module.exports = () => {
  require('../../scripts/cli-bundle.js').cliBundle();
};
