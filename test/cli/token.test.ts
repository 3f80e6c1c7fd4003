/**
 * `token` through the real binary against a local token endpoint: the token alone on stdout, errors as one
 * line on stderr with exit 2 (bad input), 1 (refused) or 3 (unreachable), and never a secret in the output.
 */
import { hasStackTrace, runCli, runCliProcess, CliResult } from '../helpers/cli';
import { TEST_ISS, testKeyPair } from '../helpers/keys';
import { makeCorpus } from '../credentials/corpus';
import { closedPort, okReply, startTokenServer, TokenServer } from '../exchange/token-server';

const pair = testKeyPair(2048);
const corpus = makeCorpus();
let server: TokenServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function expectNoSecrets(result: CliResult, exceptToken?: string): void {
  const output = result.stderr + (exceptToken ? result.stdout.replace(exceptToken, '') : result.stdout);
  for (const r of server?.requests ?? []) expect(output).not.toContain(r.form.assertion);
  for (const t of server?.issuedTokens ?? []) expect(output).not.toContain(t);
  for (const line of corpus.secretLines) expect(output).not.toContain(line);
}

function expectOneLineError(result: CliResult, exitCode: number, message: RegExp): void {
  expect(result.exitCode).toBe(exitCode);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^idcloud-postman: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
  expect(hasStackTrace(result.stderr)).toBe(false);
  expectNoSecrets(result);
}

describe('token', () => {
  test('prints the access token alone on stdout (for TOKEN=$(...)), signed with a verifying assertion', async () => {
    server = await startTokenServer(pair.publicKey, [okReply]);
    const result = await runCli(['token', '--env', `emu=${server.url}`, '--payload', corpus.goodPayload, '--key', corpus.goodKey]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${server.issuedTokens[0]}\n`);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].verified).toBe(true);
    expect(server.requests[0].claims).toMatchObject({ iss: TEST_ISS, aud: server.url, scope: '*' });
    expectNoSecrets(result, server.issuedTokens[0]);
  });

  test('credentials from IDCLOUD_ISS and IDCLOUD_PRIVATE_KEY (PEM text with CRLF)', async () => {
    server = await startTokenServer(pair.publicKey, [okReply]);
    const env = { IDCLOUD_ISS: TEST_ISS, IDCLOUD_PRIVATE_KEY: pair.pkcs1Pem.replace(/\n/g, '\r\n') };
    const result = await runCli(['token', '--env', `emu=${server.url}`], { env });
    expect(result).toMatchObject({ exitCode: 0, stderr: '', stdout: `${server.issuedTokens[0]}\n` });
  });

  test('--config supplies the environment and credential paths (relative to the config file)', async () => {
    server = await startTokenServer(pair.publicKey, [okReply]);
    const config = corpus.file('idcloud.config.json', JSON.stringify({
      environments: { emu: { identityUrl: server.url } }, env: ['emu'], payload: 'good.payload.json', key: 'good.key.pem',
    }));
    const result = await runCliProcess(['token', '--config', config], { cwd: '/' });
    expect(result).toMatchObject({ exitCode: 0, stderr: '', stdout: `${server.issuedTokens[0]}\n` });
  });

  test('a malformed key: exit 2, no request sent', async () => {
    server = await startTokenServer(pair.publicKey, [okReply]);
    const result = await runCli(['token', '--env', `emu=${server.url}`, '--iss', TEST_ISS, '--key', corpus.file('pub.pem', pair.spkiPem)]);
    expectOneLineError(result, 2, /pub\.pem holds a public key/);
    expect(server.requests).toHaveLength(0);
  });

  test('no --env, or two: exit 2', async () => {
    expectOneLineError(await runCli(['token', '--iss', TEST_ISS, '--key', corpus.goodKey]), 2, /--env: name at least one environment/);
    expectOneLineError(await runCli(['token', '--env', 'uat', '--env', 'production', '--iss', TEST_ISS, '--key', corpus.goodKey]), 2, /token: give exactly one --env \(got 2\)/);
  });

  test('refused by the endpoint: exit 1, names the credential to check', async () => {
    server = await startTokenServer(pair.publicKey, [{ status: 401, body: { error: 'server_error', error_description: 'Authentication failed (1.2.21)' } }]);
    const result = await runCli(['token', '--env', `emu=${server.url}`, '--iss', TEST_ISS, '--key', corpus.goodKey]);
    expectOneLineError(result, 1, /emu: .* refused the assertion for svctest@.* \(HTTP 401, Unico 1\.2\.21: .*\); check that the private key belongs to this service account/);
  });

  test('connection refused: exit 3', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await runCli(['token', '--env', `emu=${url}`, '--iss', TEST_ISS, '--key', corpus.goodKey]);
    expectOneLineError(result, 3, new RegExp(`emu: cannot reach ${url}/oauth2/token \\(connection refused\\)`));
  });

  test('rate limited beyond --max-retries: exit 3', async () => {
    server = await startTokenServer(pair.publicKey, [{ status: 429, body: '', headers: { 'retry-after': '0' } }]);
    const result = await runCli(['token', '--env', `emu=${server.url}`, '--iss', TEST_ISS, '--key', corpus.goodKey, '--max-retries', '1']);
    expectOneLineError(result, 3, /kept answering HTTP 429/);
    expect(server.requests).toHaveLength(2);
  });
});
