#!/usr/bin/env node
// Built by `npm run build` (run by `prepare` on `npm ci` / `npm install`).
import '../dist/src/cli/portos-contracts.js';
