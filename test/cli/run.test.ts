/**
 * `idcloud-postman run` end to end: the built CLI as a child process, real Newman, real emulators on
 * loopback. One test per exit code (0, 1, 2, 3), reports checked against the run. The tests are independent
 * (each starts its own emulators), so they run concurrently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { hasStackTrace, runCli } from '../helpers/cli';
import { closedPortUrl, fakeCollection, startFakeIdcloud } from '../runner/fixtures';
import { summaryRow, useAccountAndEmulators } from '../runner/emulator-fixture';

const { account, emulator } = useAccountAndEmulators();

const credentials = () => ['--iss', account.iss, '--key', account.keyFile, '--api-key', account.apiKey];

test.concurrent('exit 0: two emulator environments at once, junit + json reports that count the same tests as the run', async () => {
  const [a, b] = await Promise.all([emulator(), emulator()]);
  const reportDir = path.join(account.dir, 'reports-ok');
  const r = await runCli(['run', '--env', `alpha=${a.url}`, '--env', `beta=${b.url}`, ...credentials(), '--report-dir', reportDir, '--reporters', 'cli,junit,json'], { env: { CI: 'true' } });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  expect(fs.readdirSync(reportDir).sort()).toEqual(['idcloud-alpha.json', 'idcloud-alpha.junit.xml', 'idcloud-beta.json', 'idcloud-beta.junit.xml']);
  for (const name of ['alpha', 'beta']) {
    const row = summaryRow(r.stdout, name);
    expect(row).toMatchObject({ failed: 0, verdict: 'PASS' });
    expect(row!.passed).toBeGreaterThan(20);
    expect(row!.invalid).toBeGreaterThan(0);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(fs.readFileSync(path.join(reportDir, `idcloud-${name}.junit.xml`), 'utf8'));
    const suites = [xml.testsuites.testsuite].flat() as { testcase?: unknown; tests: string }[];
    const testcases = suites.flatMap((s) => [s.testcase ?? []].flat());
    expect(testcases).toHaveLength(row!.passed + row!.failed);
    expect(suites.reduce((sum, s) => sum + Number(s.tests), 0)).toBe(row!.passed + row!.failed);
    const json = JSON.parse(fs.readFileSync(path.join(reportDir, `idcloud-${name}.json`), 'utf8'));
    expect(json.run.stats.assertions).toMatchObject({ total: row!.passed + row!.failed, failed: 0 });
  }
  // The environments ran in one process, interleaved: lines of both appear before the first finishes.
  const firstDone = r.stdout.search(/\[(alpha|beta)\] done:/);
  expect(r.stdout.slice(0, firstDone)).toMatch(/\[alpha\] /);
  expect(r.stdout.slice(0, firstDone)).toMatch(/\[beta\] /);
});

test.concurrent('exit 1: an emulator that accepts expired assertions fails the expired-exp case', async () => {
  const lenient = await emulator({ flaws: ['accept-expired'] });
  // Only the case the flaw must fail (--folder picks a request by name): which cases catch which flaw is e2e-collection/flaws.test.ts.
  const r = await runCli(['run', '--env', `lenient=${lenient.url}`, ...credentials(), '--folder', 'Expired exp (1.2.4)'], { env: { CI: 'true' } });
  expect(r.exitCode).toBe(1);
  expect(summaryRow(r.stdout, 'lenient')).toMatchObject({ verdict: 'FAIL' });
  expect(r.stdout).toMatch(/lenient: ✗ Expired exp \(1\.2\.4\)/);
  expect(summaryRow(r.stdout, 'lenient')).toMatchObject({ requests: 1, failed: 1 });
  expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
});

test.concurrent('exit 1: a key the server does not accept names the code, and the rejected exchange counts as an invalid attempt', async () => {
  const strict = await emulator({ wrongPublicKey: true });
  const r = await runCli(['run', '--env', `strict=${strict.url}`, '--suite', 'smoke', ...credentials()], { env: { CI: 'true' } });
  expect(r.exitCode).toBe(1);
  // One visible exchange is rejected; the API requests report it instead of sending more invalid attempts.
  expect(summaryRow(r.stdout, 'strict')).toMatchObject({ verdict: 'FAIL', invalid: 1 });
  expect(r.stdout).toMatch(/token endpoint answered 401 with 1\.2\.(5|21) \(.*private key belongs to this service account/);
  expect(r.stdout).not.toMatch(/rejected a valid access token/);
});

test.concurrent('exit 2: a malformed key names the file, in one line, and runs nothing', async () => {
  const badKey = path.join(account.dir, 'broken.key.pem');
  fs.writeFileSync(badKey, '-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----\n');
  const e = await emulator();
  const r = await runCli(['run', '--env', `local=${e.url}`, '--iss', account.iss, '--key', badKey]);
  expect(r.exitCode).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(badKey);
  expect(hasStackTrace(r.stderr)).toBe(false);
});

test.concurrent('exit 2: the errors suite against production needs --allow-production-errors', async () => {
  const r = await runCli(['run', '--env', 'production', ...credentials(), '--suite', 'errors']);
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toMatch(/^idcloud-postman: .*--allow-production-errors.*\n$/);
});

test.concurrent('exit 2: usage errors (unknown suite, file reporter without --report-dir, bad --collection, --timeout not seconds > 0)', async () => {
  const e = await emulator();
  const base = ['run', '--env', `local=${e.url}`, ...credentials()];
  const cases = [['--suite', 'everything'], ['--reporters', 'junit'], ['--collection', path.join(account.dir, 'missing.json')], ['--timeout', '0']];
  const results = await Promise.all(cases.map((extra) => runCli([...base, ...extra])));
  for (const r of results) {
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(hasStackTrace(r.stderr)).toBe(false);
  }
  expect(results[3].stderr).toBe('idcloud-postman: --timeout: "0" must be a number of seconds > 0\n');
});

test.concurrent('exit 3: a refused connection is one line, and the other environment still runs', async () => {
  const [live, deadUrl] = await Promise.all([emulator(), closedPortUrl()]);
  const r = await runCli(['run', '--env', `live=${live.url}`, '--env', `dead=${deadUrl}`, ...credentials(), '--suite', 'smoke'], { env: { CI: 'true' } });
  expect(r.exitCode).toBe(3);
  expect(summaryRow(r.stdout, 'live')).toMatchObject({ verdict: 'PASS', failed: 0 });
  expect(summaryRow(r.stdout, 'dead')).toMatchObject({ verdict: 'UNREACHABLE', requests: 0 });
  expect(r.stdout).toContain(`dead: ${deadUrl} is unreachable: connection refused`);
  expect(r.stderr).toMatch(new RegExp(`^idcloud-postman: dead: ${deadUrl.replace(/[.]/g, '\\.')} is unreachable: connection refused[^\\n]*\\n$`));
  expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
});

/** A Postman request item with its own test (no X-IdCloud-Case header: our scripts leave it alone). */
function ownRequest(name: string, url: string, check: string): object {
  return { name, request: { method: 'GET', url }, event: [{ listen: 'test', script: { type: 'text/javascript', exec: [check] } }] };
}

test.concurrent('--collection runs any collection: a generated one with a request added by hand (--folder), one with none of our folders (whole, or --folder)', async () => {
  const [e, strict] = await Promise.all([emulator(), emulator({ wrongPublicKey: true })]);
  const { buildCollection } = await import('../../src/collection');
  const write = (name: string, json: object) => {
    const file = path.join(account.dir, name);
    fs.writeFileSync(file, JSON.stringify(json));
    return file;
  };
  const discovery = ownRequest('My discovery', '{{identity_url}}/.well-known/openid-configuration', "pm.test('my discovery check', function () { pm.response.to.have.status(200); });");
  const teapot = ownRequest('My teapot', '{{identity_url}}/.well-known/jwks.json', "pm.test('my deliberate check', function () { pm.expect(pm.response.code).to.equal(418); });");
  // The generated collection, with a request of the user's own in its API folder.
  const generated = buildCollection() as { item: { name: string; item: object[] }[]; event: object[] };
  generated.item.find((f) => f.name === 'API')!.item.push(discovery);
  const generatedFile = write('generated-plus.postman_collection.json', generated);
  // A collection with none of our folders (as a wrapped one is), carrying our collection-level scripts.
  const ownFile = write('own.postman_collection.json', {
    info: { name: 'my API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    event: generated.event,
    item: [{ name: 'Mine', item: [discovery, teapot] }],
  });
  const run = (env: string, url: string, file: string, ...extra: string[]) =>
    runCli(['run', '--env', `${env}=${url}`, ...credentials(), '--collection', file, ...extra], { env: { CI: 'true' } });
  const [picked, whole, pickedOwn, rejected, guarded, unknown] = await Promise.all([
    // The hand-added request picked by name inside our API folder: the layer authenticates it like the folder's own.
    run('picked', e.url, generatedFile, '--folder', 'My discovery'),
    run('whole', e.url, ownFile),
    run('mine', e.url, ownFile, '--folder', 'My discovery'),
    run('rejected', strict.url, generatedFile, '--folder', 'My discovery'),
    // Off loopback, Token errors stays behind the guard even when picked by --folder (nothing is sent).
    run('far', 'http://192.0.2.1:9', generatedFile, '--folder', 'Token errors', '--timeout', '1'),
    run('nope', e.url, ownFile, '--folder', 'Delete'),
  ]);

  expect(picked.stderr).toBe('');
  expect(picked.exitCode).toBe(0);
  expect(picked.stdout).toMatch(/^picked: --folder My discovery$/m);
  expect(picked.stdout).toMatch(/^\[picked\] {3}✓ my discovery check$/m);
  expect(picked.stdout).not.toMatch(/Exchange assertion for access token/);
  expect(summaryRow(picked.stdout, 'picked')).toMatchObject({ verdict: 'PASS', failed: 0, invalid: 0 });

  // The user's own failing test: exit 1, named in the summary.
  expect(whole.exitCode).toBe(1);
  expect(whole.stdout).toMatch(/^whole: the whole collection$/m);
  expect(whole.stdout).toMatch(/^whole: ✗ My teapot › my deliberate check: expected 200 to equal 418$/m);
  expect(whole.stdout).toMatch(/^whole\s+collection\s+/m);
  // For NAME=URL the product APIs share the emulator's origin: the auth layer exchanges one token for the run
  // (pm.sendRequest, counted as a request) and the user's two requests carry it, each with the layer's own
  // "access token accepted" check beside the user's tests.
  expect(summaryRow(whole.stdout, 'whole')).toMatchObject({ verdict: 'FAIL', requests: 3, passed: 3, failed: 1, invalid: 0 });

  expect(pickedOwn.exitCode).toBe(0);
  expect(summaryRow(pickedOwn.stdout, 'mine')).toMatchObject({ verdict: 'PASS', requests: 2, passed: 2 });

  // A rejected exchange: Unico's code, cause and remedy, and one invalid attempt counted by the collection.
  expect(rejected.exitCode).toBe(1);
  expect(rejected.stdout).toMatch(/token endpoint answered 401 with 1\.2\.(5|21) \(.*private key belongs to this service account/);
  expect(summaryRow(rejected.stdout, 'rejected')).toMatchObject({ verdict: 'FAIL', invalid: 1 });
  expect(rejected.stdout).toMatch(/^\[rejected\] {3}✓ my discovery check$/m);

  expect(guarded.exitCode).toBe(2);
  expect(guarded.stdout).toBe('');
  expect(guarded.stderr).toMatch(/^idcloud-postman: --folder: "Token errors" sends invalid authentication attempts.*add --suite errors to send them to far, or pick other folders\n$/);
  expect(unknown.exitCode).toBe(2);
  expect(unknown.stderr).toBe('idcloud-postman: --folder: the collection has no folder or request named "Delete"; its top-level items are "Mine"\n');
  for (const r of [picked, whole, pickedOwn, rejected, guarded, unknown]) expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
});

test.concurrent('--config supplies the environments and credentials; flags still choose the suite', async () => {
  const e = await emulator();
  const config = path.join(account.dir, 'idcloud.config.json');
  fs.writeFileSync(config, JSON.stringify({ environments: { cfg: { identityUrl: e.url } }, iss: account.iss, key: path.basename(account.keyFile) }));
  const r = await runCli(['run', '--config', config, '--env', 'cfg', '--suite', 'smoke'], { env: { CI: 'true' } });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  expect(summaryRow(r.stdout, 'cfg')).toMatchObject({ verdict: 'PASS', invalid: 0 });
});

test.concurrent('exit 3: a token endpoint answering 503 HTML or 502 JSON is unavailable, one line with the status; exit 1: a 500 to an invalid assertion', async () => {
  const apiKey = account.apiKey;
  const fakes = await Promise.all([startFakeIdcloud(apiKey, { exchange: 'html-503' }), startFakeIdcloud(apiKey, { exchange: 'json-502' }), startFakeIdcloud(apiKey, { invalid: '500' })]);
  try {
    // The stand-in collection gives the collection's signal of an outage (a failed "token endpoint available").
    const collection = path.join(account.dir, 'stand-in.postman_collection.json');
    fs.writeFileSync(collection, JSON.stringify(fakeCollection()));
    const run = (name: string, url: string) => runCli(['run', '--env', `${name}=${url}`, ...credentials(), '--collection', collection], { env: { CI: 'true' } });
    const [html, gateway, finding] = await Promise.all([run('html', fakes[0].url), run('gateway', fakes[1].url), run('finding', fakes[2].url)]);
    expect(html.exitCode).toBe(3);
    expect(html.stderr).toBe('idcloud-postman: html: token endpoint answered HTTP 503, not JSON: the environment is unavailable\n');
    expect(summaryRow(html.stdout, 'html')).toMatchObject({ verdict: 'UNAVAILABLE' });
    expect(gateway.exitCode).toBe(3);
    expect(gateway.stderr).toBe('idcloud-postman: gateway: token endpoint answered HTTP 502: the environment is unavailable\n');
    expect(finding.exitCode).toBe(1);
    expect(finding.stderr).toBe('');
    expect(finding.stdout).toMatch(/^finding: ✗ Malformed assertion #1 › malformed assertion is refused with 401: .*500$/m);
    for (const r of [html, gateway, finding]) expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  } finally {
    await Promise.all(fakes.map((f) => f.close()));
  }
});
