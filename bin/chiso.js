#!/usr/bin/env node
// Global install entry: registers tsx's CommonJS loader, then runs the TypeScript CLI
// (the same code as `npm run chiso`).
'use strict';
require('tsx/cjs');
require('../src/cli/main.ts');
