/** Every file under a directory, relative path → its bytes (as latin1 text): two trees compare byte for byte. */
import fs from 'node:fs';
import path from 'node:path';

export function fileTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const full = path.join(dir, rel);
    if (fs.statSync(full).isFile()) out.set(rel, fs.readFileSync(full, 'latin1'));
  }
  return out;
}
