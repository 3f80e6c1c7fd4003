#!/usr/bin/env node
/**
 * `npm run demo` builds only when the build's inputs changed since the last whole build: scripts/build.js
 * writes dist/.built when it finishes, and any input newer than it (or no dist/.built: a fresh clone, a failed
 * build) means build. Saves the ~5 s build on every demo after the first.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const INPUTS = ['src', 'scripts', 'bench', 'tsconfig.json', 'package.json', 'package-lock.json'];
const STAMP = path.join('dist', '.built');

/** The newest modification time (ms) of a file or of any file under a folder; 0 when absent. */
function newestMtime(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(file).reduce((newest, name) => Math.max(newest, newestMtime(path.join(file, name))), stat.mtimeMs);
}

/** Why `root` needs a build, or undefined when dist/ is newer than every input. */
function staleReason(root) {
  const built = newestMtime(path.join(root, STAMP));
  if (built === 0) return 'no complete build in dist/';
  const changed = INPUTS.find((input) => newestMtime(path.join(root, input)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

module.exports = { staleReason, STAMP };

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const reason = staleReason(root);
  if (reason) {
    process.stderr.write(`building: ${reason}\n`);
    execFileSync(process.execPath, [path.join(__dirname, 'build.js')], { stdio: 'inherit', cwd: root });
  }
}
