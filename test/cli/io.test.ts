/**
 * The CLI prints and reads its environment only through `io` (src/cli/io.ts), so that it runs in another
 * program (and in the tests) as it runs in its own process: no command or input module reaches for the
 * process's streams or environment itself. io.ts's processIo is the one default.
 */
import fs from 'node:fs';
import path from 'node:path';

const CLI_DIR = path.join(__dirname, '..', '..', 'src', 'cli');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** The code without its comments (a comment may well name process.env to say it is not used). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

test('src/cli uses process.stdout, process.stderr and process.env only in io.ts (processIo)', () => {
  const offenders = sourceFiles(CLI_DIR)
    .filter((file) => path.basename(file) !== 'io.ts')
    .flatMap((file) => [...code(fs.readFileSync(file, 'utf8')).matchAll(/process\.(stdout|stderr|env)\b/g)].map((m) => `${path.relative(CLI_DIR, file)}: ${m[0]}`));
  expect(offenders).toEqual([]);
  expect(code(fs.readFileSync(path.join(CLI_DIR, 'io.ts'), 'utf8'))).toMatch(/process\.stdout, stderr: process\.stderr, env: process\.env/);
});
