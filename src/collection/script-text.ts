/**
 * The script texts that run inside Postman, as built by `npm run build` (scripts/build.js bundles each
 * module of src/sandbox/script/entries/ into dist/sandbox-scripts/NAME.js). The generator embeds these texts.
 */
import fs from 'node:fs';
import path from 'node:path';

function packageRoot(): string {
  // Works from src/ (ts-jest), dist/ (compiled) and dist/bench.js (bundled benchmarks).
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'scripts', 'build.js'))) return dir;
    if (fs.existsSync(path.join(dir, 'dist', 'sandbox-scripts'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the idcloud-postman package root; run `npm run build`');
    dir = parent;
  }
}

const cache = new Map<string, string>();

/** The bundled text of src/sandbox/script/entries/NAME.ts. */
export function sandboxScript(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const file = path.join(packageRoot(), 'dist', 'sandbox-scripts', `${name}.js`);
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new Error(`sandbox script ${name} is missing at ${file}; run \`npm run build\``);
    }
    cache.set(name, text);
  }
  return text;
}
