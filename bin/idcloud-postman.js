#!/usr/bin/env node
'use strict';
// Node 22.1+: keep the compiled code of every module this process loads (ours and Newman's, ~9 MB of source)
// on disk between runs, as CI runs the CLI cold on every push. Older Node has no such cache: nothing to do.
const { enableCompileCache } = require('node:module');
if (typeof enableCompileCache === 'function') enableCompileCache();
require('../dist/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
