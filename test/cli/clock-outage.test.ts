/**
 * `token` and `doctor --online` through the real binary against the real emulator on 127.0.0.1: with the
 * emulator's clock 300 s behind or ahead, the token is issued and one line says by how much the local clock is
 * off; with the token endpoint in an outage (503 HTML, 502 JSON) the exit is 3 with one line naming the status.
 */
import { withTestEmulator } from '../helpers/emulator';
import { hasStackTrace, runCli } from '../helpers/cli';
import { TEST_ISS } from '../helpers/keys';
import { makeCorpus } from '../credentials/corpus';

const corpus = makeCorpus();
const OUTAGE_PAGE = '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>';

const withEmulator = withTestEmulator;

const credentials = ['--iss', TEST_ISS, '--key', corpus.goodKey];
/**
 * The Date header has whole seconds (up to a second lost) and the answer takes its time to arrive (more on a
 * loaded machine): the offset shown is within two seconds of the true one.
 */
const about = (seconds: number) => `(${seconds - 2}|${seconds - 1}|${seconds}|${seconds + 1}|${seconds + 2})`;

describe.each([-300, 300])('emulator clock %i s off', (offset) => {
  const line = new RegExp(`^IDCloud: the local clock is ${about(Math.abs(offset))} s ${offset > 0 ? 'behind' : 'ahead of'} emu's token endpoint \\(its Date header\\); assertions are dated by the server's clock\n$`);
  test('token prints a token, and the offset line once on stderr', () =>
    withEmulator({ clockOffsetSeconds: offset }, async (emulator) => {
      const result = await runCli(['token', '--env', `emu=${emulator.url}`, ...credentials]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
      expect(result.stderr).toMatch(line);
      // Ahead of the server, the first assertion is "issued in the future": one refused attempt, then the retry.
      expect(emulator.stats().tokenExchanges).toBe(1);
      expect(emulator.stats().tokenErrors).toBe(offset < 0 ? 1 : 0);
    }));
  test('doctor --online reports the offset', () =>
    withEmulator({ clockOffsetSeconds: offset }, async (emulator) => {
      const result = await runCli(['doctor', '--online', '--env', `emu=${emulator.url}`, ...credentials]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/^ok +online +emu: token issued/m);
      expect(result.stdout).toMatch(new RegExp(`^warn    clock       emu: the local clock is ${about(Math.abs(offset))} s ${offset > 0 ? 'behind' : 'ahead of'} the token endpoint's; assertions were dated by the server's clock`, 'm'));
    }));
});

test('doctor --online with agreeing clocks says so', () =>
  withEmulator({}, async (emulator) => {
    const result = await runCli(['doctor', '--online', '--env', `emu=${emulator.url}`, ...credentials]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ok +clock +emu: the local clock agrees with the token endpoint's \(within 5 s\)$/m);
    expect(result.stderr).toBe('');
  }));

describe('token endpoint outage: exit 3, one line with the status', () => {
  test.each([
    ['503 HTML', { status: 503, body: OUTAGE_PAGE }, /^idcloud-postman: emu: http:\/\/127\.0\.0\.1:\d+\/oauth2\/token answered HTTP 503; the environment could not complete the exchange — retry later\n$/],
    ['502 JSON', { status: 502, body: '{"error":"bad_gateway"}', contentType: 'application/json' }, /answered HTTP 502; the environment could not complete/],
    ['200 not JSON', { status: 200, body: '<html>captive portal</html>' }, /^idcloud-postman: emu: http:\/\/127\.0\.0\.1:\d+\/oauth2\/token answered HTTP 200, not JSON: the environment is unavailable; check the identity URL, or retry later\n$/],
  ])('%s', (_name, outage, message) =>
    withEmulator({ outage }, async (emulator) => {
      const result = await runCli(['token', '--env', `emu=${emulator.url}`, ...credentials]);
      expect(result.exitCode).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(hasStackTrace(result.stderr)).toBe(false);
    }));
});
