/**
 * The house has no circles (issue 17): no module of src/ reaches itself through its imports, type-only imports
 * included (they tie files together for a reader just the same). A new cycle fails here with its path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '../..');
/** dpdm's CLI (its library loads ESM-only chalk, which jest's CommonJS runtime cannot require). */
const DPDM = require.resolve('dpdm/lib/bin/dpdm.js');

/**
 * Every import cycle among the TypeScript files the globs name (relative to the repository, as the cycles'
 * paths are), type-only imports included: no `--transform`, which would erase them as tsc does (a reader does not).
 */
function importCycles(globs: string[], scratch: string): string[][] {
  const out = path.join(scratch, 'tree.json');
  execFileSync(process.execPath, [DPDM, '--no-warning', '--no-tree', '--no-circular', '--no-progress', '--context', ROOT, '--output', out, ...globs], { cwd: ROOT, stdio: 'pipe' });
  return (JSON.parse(fs.readFileSync(out, 'utf8')) as { circulars: string[][] }).circulars;
}

describe('import cycles', () => {
  // One dpdm run (one start of dpdm and TypeScript) reads src/ and, beside it, a fixture with a cycle through a
  // type-only import, under .tmp/ in the repository so that both are named relative to it.
  let fixture: string;
  let cycles: string[][];
  beforeAll(() => {
    fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    fixture = fs.mkdtempSync(path.join(ROOT, '.tmp', 'cycles-'));
    fs.writeFileSync(path.join(fixture, 'a.ts'), "import type { B } from './b';\nexport interface A { b?: B }\n");
    fs.writeFileSync(path.join(fixture, 'b.ts'), "import { a } from './c';\nexport interface B { n: number }\nexport const b = a;\n");
    fs.writeFileSync(path.join(fixture, 'c.ts'), "import type { A } from './a';\nexport const a: A = {};\n");
    cycles = importCycles(['src/**/*.ts', `${path.relative(ROOT, fixture)}/*.ts`], fixture);
  }, 60_000);
  afterAll(() => fs.rmSync(fixture, { recursive: true, force: true }));

  const under = (dir: string) => cycles.filter((c) => c.some((file) => file.startsWith(`${dir}/`)));

  it('src/ has none', () => {
    expect(under('src').map((c) => [...c, c[0]].join(' -> '))).toEqual([]);
  });

  it('a cycle through a type-only import is found (the check can fail)', () => {
    const found = under(path.relative(ROOT, fixture));
    expect(found).toHaveLength(1);
    expect(found[0].map((file) => path.basename(file)).sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
    expect(cycles).toHaveLength(found.length + under('src').length);
  });
});
