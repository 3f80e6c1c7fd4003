/**
 * `npm run bench`: every figure is a ratio measured in one run on this machine, never a timed assertion.
 * Each section lives beside the concern it measures; run one with `npm run bench -- signer`.
 */
import * as ci from './ci';
import * as signer from './signer';
import * as emulator from './emulator';
import * as runner from './runner';
import * as wrap from './wrap';
import * as v3 from './v3';

const sections: Record<string, { run: () => Promise<void> }> = { ci, signer, emulator, runner, wrap, v3 };
// Only with `npm run bench -- layer` (the runner section measures it among the rest).
const onDemand: Record<string, { run: () => Promise<void> }> = { layer: { run: runner.layer } };

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, section] of Object.entries({ ...sections, ...onDemand })) {
    if (only.length > 0 ? !only.includes(name) : name in onDemand) continue;
    console.log(`\n## ${name}`);
    await section.run();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
