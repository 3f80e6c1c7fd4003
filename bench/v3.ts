/**
 * Collection format v3 (src/formats/v3): the time to convert a 200-request collection each way, on disk as the
 * commands do it, as ratios to the v2.1 JSON floor measured in the same run: writing the v3 directory (YAML of
 * every file, built beside its place and renamed in) against writing the v2.1 file, and reading it back to v2.1
 * (`run --collection DIR`, `wrap DIR`) against reading the JSON file. The collection is the generated one with its
 * `API` folder repeated until it holds 200 requests (the scripts stay: they are most of the bytes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCollection } from '../src/collection';
import { writeCollectionFiles } from '../src/collection/write';
import { readV3Collection, writeV3Files } from '../src/formats/v3';

const REQUESTS = 200;
const RUNS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface Folder {
  name: string;
  item: unknown[];
}

function collectionOf(requests: number): { collection: { item: Folder[] }; requests: number } {
  const collection = buildCollection() as { item: Folder[] };
  const api = collection.item[2];
  let count = collection.item.reduce((sum, f) => sum + f.item.length, 0);
  for (let i = 2; count < requests; i += 1) {
    const item = api.item.slice(0, Math.min(api.item.length, requests - count));
    collection.item.push({ ...api, name: `${api.name} ${i}`, item });
    count += item.length;
  }
  return { collection, requests: count };
}

export async function run(): Promise<void> {
  const { collection, requests } = collectionOf(REQUESTS);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-v3-'));
  try {
    const jsonFile = path.join(dir, 'c.postman_collection.json');
    const times = { writeJson: [] as number[], writeV3: [] as number[], readJson: [] as number[], readV3: [] as number[] };
    let v3Dir = '';
    for (let i = 0; i < RUNS; i += 1) {
      // Interleaved, so both see the same machine load.
      times.writeJson.push(timeMs(() => writeCollectionFiles(dir, path.basename(jsonFile), collection, [])));
      times.writeV3.push(timeMs(() => (v3Dir = writeV3Files(dir, collection, []).collectionFile)));
      times.readJson.push(timeMs(() => JSON.parse(fs.readFileSync(jsonFile, 'utf8'))));
      times.readV3.push(timeMs(() => readV3Collection(v3Dir)));
    }
    const files = (fs.readdirSync(v3Dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(v3Dir, f)).isFile());
    const v3Bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(v3Dir, f)).size, 0);
    const [wj, wv, rj, rv] = [median(times.writeJson), median(times.writeV3), median(times.readJson), median(times.readV3)];
    console.log(`${requests}-request collection: v2.1 file ${(fs.statSync(jsonFile).size / 1024).toFixed(0)} KB; v3 directory ${files.length} files, ${(v3Bytes / 1024).toFixed(0)} KB`);
    console.log(`write (v2.1 → v3 directory) ${wv.toFixed(1)} ms median of ${RUNS}; v2.1 file ${wj.toFixed(1)} ms; v3 / v2.1 ${(wv / wj).toFixed(2)}x`);
    console.log(`read (v3 directory → v2.1) ${rv.toFixed(1)} ms median of ${RUNS}; v2.1 file ${rj.toFixed(1)} ms; v3 / v2.1 ${(rv / rj).toFixed(2)}x`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
