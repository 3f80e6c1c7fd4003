#!/usr/bin/env node
'use strict';
// Node 22.1+: keep the compiled code of every module this process loads (ours and Newman's, ~9 MB of source)
// on disk between runs, as CI runs the CLI cold on every push. Older Node has no such cache: nothing to do.
const { enableCompileCache } = require('node:module');
if (typeof enableCompileCache === 'function') enableCompileCache();
// Every connection takes its proxy from the CLI's input layer (src/network, one rule for the preflight, the
// exchange and Newman's requests). Newman's HTTP client would also read the process's own proxy variables, by its
// own rules and without --ca-cert: it gets them only through the CLI.
const env = { ...process.env };
for (const name of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) delete process.env[name];
require('../dist/cli/main.js')
  .main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env })
  .then((code) => {
    process.exitCode = code;
  });
