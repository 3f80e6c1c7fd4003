/**
 * The shared runner helper really runs two different sandboxes: newman 6.2.2 (postman-sandbox 4.7.1, no
 * TextEncoder) and postman-runtime 7.56.1 (postman-sandbox 6.x, TextEncoder present), against a real server.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runLatestRuntime, runNewman } from '../helpers/postman-runtimes';

let server: http.Server;
let baseUrl = '';
const seenBodies: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seenBodies.push(body);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ echo: body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function probeCollection(): object {
  return {
    info: { name: 'probe', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'probe request',
        event: [
          {
            listen: 'prerequest',
            script: {
              type: 'text/javascript',
              exec: [
                "pm.variables.set('probe', typeof TextEncoder + '/' + pm.environment.get('greeting'));",
                "console.log('probe', pm.variables.get('probe'));",
              ],
            },
          },
          {
            listen: 'test',
            script: {
              type: 'text/javascript',
              exec: [
                "pm.test('status is 200', function () { pm.response.to.have.status(200); });",
                "pm.test('deliberately failing', function () { pm.expect(1).to.equal(2); });",
              ],
            },
          },
        ],
        request: {
          method: 'POST',
          url: `${baseUrl}/probe`,
          body: { mode: 'raw', raw: '{{probe}}' },
        },
      },
    ],
  };
}

test('runNewman runs in postman-sandbox 4.7.1 (no TextEncoder) and reports assertions, failures and console', async () => {
  const result = await runNewman(probeCollection(), { envValues: { greeting: 'olá' } });
  expect(result.responses).toEqual([{ item: 'probe request', method: 'POST', url: `${baseUrl}/probe`, code: 200, body: JSON.stringify({ echo: 'undefined/olá' }) }]);
  expect(result.assertions).toBe(2);
  expect(result.failures).toHaveLength(1);
  expect(result.failures[0]).toMatchObject({ name: 'deliberately failing', item: 'probe request' });
  expect(result.failures[0].message).toMatch(/expected 1 to equal 2/);
  expect(result.consoleLogs).toContain('probe undefined/olá');
});

test('runLatestRuntime runs in postman-sandbox 6.x (TextEncoder present) with the same result shape', async () => {
  const result = await runLatestRuntime(probeCollection(), { envValues: { greeting: 'olá' } });
  expect(result.responses).toEqual([{ item: 'probe request', method: 'POST', url: `${baseUrl}/probe`, code: 200, body: JSON.stringify({ echo: 'function/olá' }) }]);
  expect(result.assertions).toBe(2);
  expect(result.failures).toHaveLength(1);
  expect(result.failures[0]).toMatchObject({ name: 'deliberately failing', item: 'probe request' });
  expect(result.failures[0].message).toMatch(/expected 1 to equal 2/);
  expect(result.consoleLogs).toContain('probe function/olá');
});

test('a script error is a failure in both runtimes', async () => {
  const collection = probeCollection() as any;
  collection.item[0].event[0].script.exec = ['undefinedFunctionCall();'];
  for (const run of [runNewman, runLatestRuntime]) {
    const result = await run(collection);
    expect(result.failures.some((f) => /undefinedFunctionCall/.test(f.message))).toBe(true);
  }
});

test('pm.sendRequest in a pre-request script completes before the request, and both responses are reported, in both runtimes', async () => {
  const collection = probeCollection() as any;
  collection.item[0].event[0].script.exec = [
    `pm.sendRequest({ url: '${baseUrl}/side', method: 'POST', body: { mode: 'raw', raw: 'side-call' } }, function (err, res) {`,
    "  pm.variables.set('probe', err ? 'error' : res.json().echo);",
    '});',
  ];
  for (const run of [runNewman, runLatestRuntime]) {
    const result = await run(collection);
    expect(result.responses.map((r) => [r.item, r.url, r.body])).toEqual([
      ['', `${baseUrl}/side`, JSON.stringify({ echo: 'side-call' })],
      ['probe request', `${baseUrl}/probe`, JSON.stringify({ echo: 'side-call' })],
    ]);
  }
});
