#!/usr/bin/env node
// The CLI entry (`npm run chiso`, a global install): runs the bundled CLI, built from
// src/ on the first run and again whenever a source is newer (scripts/cli-bundle.js).
'use strict';
require('../scripts/cli-bundle.js').runCli();
