/** The preflight's one-line reasons, against real sockets on loopback (and a reserved, unresolvable name). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkReachable, describeNetworkError } from '../../src/runner/reachability';
import { closedPortUrl } from './fixtures';

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

test('any HTTP answer is reachable, even a 404', async () => {
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const port = await listen(server);
  await expect(checkReachable(`http://127.0.0.1:${port}`, 2000)).resolves.toBeUndefined();
  server.close();
});

test('refused connection, DNS failure, timeout and TLS failure: one line each', async () => {
  const refused = await checkReachable(await closedPortUrl(), 2000);
  expect(refused).toMatch(/^http:\/\/127\.0\.0\.1:\d+ is unreachable: connection refused/);

  const dns = await checkReachable('http://idcloud-postman-test.invalid', 5000);
  expect(dns).toMatch(/is unreachable: host not found \(DNS\)/);

  const silent = http.createServer(() => undefined); // accepts, never answers
  const silentPort = await listen(silent);
  expect(await checkReachable(`http://127.0.0.1:${silentPort}`, 300)).toMatch(/is unreachable: timed out/);
  silent.closeAllConnections();
  silent.close();

  const plain = http.createServer((_req, res) => res.end('plain http'));
  const plainPort = await listen(plain);
  expect(await checkReachable(`https://127.0.0.1:${plainPort}`, 2000)).toMatch(/is unreachable: TLS handshake failed/);
  plain.close();

  for (const reason of [refused, dns]) expect(reason).not.toContain('\n');
});

test('errors that are not about reaching the host are not classified as network errors', () => {
  expect(describeNetworkError(new Error('expected 200 to equal 401'))).toBeUndefined();
  expect(describeNetworkError({ code: 'ERR_ASSERTION' })).toBeUndefined();
  expect(describeNetworkError({ code: 'CERT_HAS_EXPIRED', hostname: 'identity.acesso.io' })).toMatch(/certificate has expired \[CERT_HAS_EXPIRED\] \(identity\.acesso\.io\)/);
});
