/**
 * The house has no circles (issue 17): no module of src/ reaches itself through its imports, type-only imports
 * included (they tie files together for a reader just the same). A new cycle fails here with its path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '../..');
/** dpdm's CLI (its library loads ESM-only chalk, which jest's CommonJS runtime cannot require). */
const DPDM = require.resolve('dpdm/lib/bin/dpdm.js');

/**
 * Every import cycle among the TypeScript files under `dir` (paths relative to it), type-only imports included:
 * no `--transform`, which would erase them as tsc does (a reader does not).
 */
function importCycles(dir: string): string[][] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dpdm-')), 'tree.json');
  try {
    execFileSync(process.execPath, [DPDM, '--no-warning', '--no-tree', '--no-circular', '--no-progress', '--context', dir, '--output', out, '**/*.ts'], { cwd: dir, stdio: 'pipe' });
    return (JSON.parse(fs.readFileSync(out, 'utf8')) as { circulars: string[][] }).circulars;
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

describe('import cycles', () => {
  it('src/ has none', () => {
    const cycles = importCycles(path.join(ROOT, 'src'));
    expect(cycles.map((c) => [...c, c[0]].join(' -> '))).toEqual([]);
  }, 60_000);

  it('a cycle through a type-only import is found (the check can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport interface A { b?: B }\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './c';\nexport interface B { n: number }\nexport const b = a;\n");
      fs.writeFileSync(path.join(dir, 'c.ts'), "import type { A } from './a';\nexport const a: A = {};\n");
      const cycles = importCycles(dir);
      expect(cycles).toHaveLength(1);
      expect([...cycles[0]].sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
