/**
 * `wrap`: the bytes it adds to a collection (the auth layer's two scripts, minus what it folds or removes) and
 * its time on a 200 KB collection, as a ratio to the floor of reading and writing the same JSON
 * (JSON.parse + the collection's own formatting) measured in the same run. The stand-ins of Unico's collections
 * are test/fixtures/unico/; the 200 KB collection is the Web & SDK stand-in's requests repeated into folders.
 */
import fs from 'node:fs';
import path from 'node:path';
import { wrapCollection } from '../src/collection/wrap';
import { collectionJsonText } from '../src/collection/write';

const FIXTURES = path.resolve(__dirname, '..', 'test', 'fixtures', 'unico');
const STAND_INS = ['web-sdk', 'by-client', 'authentication'];
const TARGET_BYTES = 200 * 1024;
const RUNS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The Web & SDK stand-in's folders repeated until the file is about 200 KB. */
function largeCollection(): { text: string; requests: number } {
  const base = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'web-sdk.postman_collection.json'), 'utf8'));
  const folders = base.item;
  const collection = { ...base, item: [] as unknown[] };
  let requests = 0;
  for (let i = 0; JSON.stringify(collection, null, '\t').length < TARGET_BYTES; i += 1) {
    for (const folder of folders) {
      collection.item.push({ ...folder, name: `${folder.name} ${i + 1}` });
      requests += folder.item.length;
    }
  }
  return { text: `${JSON.stringify(collection, null, '\t')}\n`, requests };
}

export async function run(): Promise<void> {
  // "added" compares the same layout (the input re-formatted as wrap writes), so it counts content, not whitespace.
  console.log('| collection | file bytes | same layout | wrapped bytes | added | wrapped/input |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const name of STAND_INS) {
    const text = fs.readFileSync(path.join(FIXTURES, `${name}.postman_collection.json`), 'utf8');
    const out = collectionJsonText(wrapCollection(JSON.parse(text)).collection);
    const [fileBytes, inBytes, outBytes] = [Buffer.byteLength(text), Buffer.byteLength(collectionJsonText(JSON.parse(text))), Buffer.byteLength(out)];
    console.log(`| ${name} | ${fileBytes} | ${inBytes} | ${outBytes} | ${outBytes - inBytes} | ${(outBytes / inBytes).toFixed(2)}x |`);
  }

  const large = largeCollection();
  const floor: number[] = [];
  const wrap: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    // Interleaved, so both see the same machine load.
    floor.push(timeMs(() => collectionJsonText(JSON.parse(large.text))));
    wrap.push(timeMs(() => collectionJsonText(wrapCollection(JSON.parse(large.text)).collection)));
  }
  const [f, w] = [median(floor), median(wrap)];
  console.log(
    `${(Buffer.byteLength(large.text) / 1024).toFixed(0)} KB collection, ${large.requests} requests: wrap (read + wrap + write) ${w.toFixed(1)} ms median of ${RUNS}; ` +
      `read + write alone ${f.toFixed(1)} ms; wrap / floor ${(w / f).toFixed(2)}x`,
  );
}
