/**
 * Leak scanning for tests: every file under some folders plus captured console text, searched for each
 * secret (raw and in the spellings reports use) and for any JWT-shaped string.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Needle {
  label: string;
  value: string;
}

export interface Leak {
  where: string;
  label: string;
}

/** The private key's needles: its base64 body joined, and each of its base64 lines. */
export function pemNeedles(pem: string): Needle[] {
  const lines = pem.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('-----'));
  return [{ label: 'private key body', value: lines.join('') }, ...lines.map((value, i) => ({ label: `private key line ${i + 1}`, value }))];
}

/** Each needle in its raw, JSON-escaped, URL-encoded and HTML-escaped spellings. */
function spellings(value: string): string[] {
  const html = value.replace(/&/g, '&amp;').replace(/=/g, '&#x3D;').replace(/\//g, '&#x2F;').replace(/"/g, '&quot;');
  return [...new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), html])];
}

const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/;

export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

export function findLeaks(sources: { where: string; text: string }[], needles: Needle[]): Leak[] {
  const leaks: Leak[] = [];
  for (const { where, text } of sources) {
    for (const needle of needles) {
      if (needle.value.length < 6) continue;
      if (spellings(needle.value).some((s) => text.includes(s))) leaks.push({ where, label: needle.label });
    }
    if (JWT_SHAPE.test(text)) leaks.push({ where, label: `JWT-shaped string ${JWT_SHAPE.exec(text)![0].slice(0, 12)}…` });
  }
  return leaks;
}

export function fileSources(dirs: string[]): { where: string; text: string }[] {
  return dirs.flatMap(listFiles).map((file) => ({ where: file, text: fs.readFileSync(file, 'utf8') }));
}

/**
 * Values the negative cases send verbatim (a garbage Bearer, a non-JWT assertion) are written in the
 * collection itself: public constants, not secrets.
 */
export function withoutPublicConstants(recorded: Needle[], collectionText: string): Needle[] {
  return recorded.filter((n) => !collectionText.includes(n.value.replace(/^Bearer\s+/i, '')));
}
