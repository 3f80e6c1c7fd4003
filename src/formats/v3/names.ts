/**
 * File and directory names from collection, folder and request names: the layout's stems must not hold
 * `/ \ : * ? " < > |` (each becomes `-`, as the Postman CLI's migrate does), must be unique per directory ignoring
 * case (later ones get ` 2`, ` 3`, …), and stay within file-name limits. The exact name goes into the file as
 * `name:` whenever the stem differs.
 */

const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;
/** Bytes, leaving room for `.request.yaml`, a ` 99` suffix and a temp prefix within 255. */
const MAX_STEM_BYTES = 200;

export function safeStem(name: string): string {
  let stem = name.replace(FORBIDDEN, '-').replace(/[. ]+$/, '').replace(/^\./, '-');
  while (Buffer.byteLength(stem, 'utf8') > MAX_STEM_BYTES) stem = [...stem].slice(0, -1).join('');
  return stem === '' ? '-' : stem;
}

/** Unique stems for sibling names, in their order. */
export function uniqueStems(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = safeStem(name);
    let stem = base;
    for (let n = 2; taken.has(stem.toLowerCase()); n += 1) stem = `${base} ${n}`;
    taken.add(stem.toLowerCase());
    return stem;
  });
}
