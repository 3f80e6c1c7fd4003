import { runNewman } from './helpers/postman-runtimes';
import { onlyRequests, setUp } from './e2e-collection/support';
test('probe', async () => {
  const { emulator, files, envValues } = await setUp();
  const one = onlyRequests(files.collection, ['Exchange assertion for access token']);
  const neg = onlyRequests(files.collection, ['Expired exp (1.2.4)', 'Wrong tenant in iss (1.0.1)', 'Missing scope (1.1.1)', 'Extra claim (1.2.22)', 'Tampered signature (1.2.5 or 1.2.21)']);
  const out: Record<string, number> = {};
  for (const [name, c] of [['one1', one], ['one2', one], ['one3', one], ['neg5', neg], ['full', files.collection], ['full2', files.collection]] as const) {
    const t = process.cpuUsage(); const w = Date.now();
    await runNewman(c, { envValues });
    const u = process.cpuUsage(t);
    out[name] = Math.round((u.user + u.system) / 1000); out[name + 'w'] = Date.now() - w;
  }
  console.log(JSON.stringify(out));
  await emulator.close();
});
