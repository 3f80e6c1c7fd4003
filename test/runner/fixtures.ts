/**
 * A small stand-in for the generated collection and Unico, for the runner's own tests: a real HTTP server on
 * 127.0.0.1:0 and a v2.1 collection (plain JSON), shaped like the real one
 * (folders Token, Token errors, API; variables identity_url, private_key, api_key, idcloud_invalid_attempts).
 * The token it issues is JWT-shaped and random, so scrubbing must catch it without knowing it in advance.
 * A stand-in, not the emulator (helpers/emulator.ts), because it must do what the emulator never does: issue a
 * token for an assertion nobody signed, so that the runner is tested with a collection that knows nothing of
 * Unico's rules (and answer an invalid assertion with a 500 crash page on request).
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
export { closedPortUrl } from '../helpers/emulator';
import { AUTH_LAYER_MARKER } from '../../src/collection/auth-layer';
import { EMULATOR_HEADER, EMULATOR_HEADER_VALUE } from '../../src/idcloud/emulator-signal';
import { RUN_SIGNAL_KEY } from '../../src/suites/run-signals';
import { ENVIRONMENT_UNAVAILABLE_TEST } from '../../src/suites/variables';

export interface FakeIdcloud {
  url: string;
  /** Every access token it issued, for leak scans. */
  issuedTokens: string[];
  close(): Promise<void>;
}

const b64url = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

export function randomJwt(): string {
  return `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ sub: randomBytes(8).toString('hex'), iat: Date.now() })}.${b64url(randomBytes(64))}`;
}

export interface FakeIdcloudOptions {
  /**
   * How the token endpoint answers the valid exchange: `ok` (200 + a fresh token, the default), `html-503` (an
   * outage page, as a load balancer serves it) or `json-502` (a JSON error from a gateway).
   */
  exchange?: 'ok' | 'html-503' | 'json-502';
  /** How it answers an invalid assertion: `reject` (401, the default) or `500` (the server fails on it: a finding). */
  invalid?: 'reject' | '500';
  /**
   * Whether its answers carry the emulator's signal (idcloud/emulator-signal.ts), so that `run` treats it as it
   * treats the emulator (default suite all, no lockout bound): true by default, the runner's tests being about
   * the runner; false makes it one more server on loopback that is not the emulator.
   */
  saysEmulator?: boolean;
}

/**
 * `apiKey`: the APIKEY the API answers 200 to. Token endpoint: 200 + fresh token when an assertion is sent,
 * else 401 (or as `options` say).
 */
export async function startFakeIdcloud(apiKey: string, options: FakeIdcloudOptions = {}): Promise<FakeIdcloud> {
  const issuedTokens: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (options.saysEmulator !== false) res.setHeader(EMULATOR_HEADER, EMULATOR_HEADER_VALUE);
      const send = (status: number, json: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.method === 'POST' && req.url === '/oauth2/token') {
        const assertion = new URLSearchParams(body).get('assertion') ?? '';
        if (!assertion.startsWith('eyJ')) {
          if (options.invalid === '500') return send(500, { error: 'server_error', error_description: 'NullPointerException' });
          return send(401, { error: 'server_error', error_description: 'Authentication failed (1.2.20)' });
        }
        if (options.exchange === 'html-503') {
          res.writeHead(503, { 'content-type': 'text/html' });
          return res.end('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
        }
        if (options.exchange === 'json-502') return send(502, { message: 'Bad Gateway' });
        const token = randomJwt();
        issuedTokens.push(token);
        return send(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
      }
      if (req.url?.startsWith('/api')) {
        const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        const ok = issuedTokens.includes(bearer) && req.headers.apikey === apiKey;
        return send(ok ? 200 : 401, ok ? { id: 'p1', echoedKey: req.headers.apikey } : { error: { code: '401', description: 'unauthorised' } });
      }
      send(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    issuedTokens,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const test = (lines: string[]) => ({ listen: 'test', script: { type: 'text/javascript', exec: lines } });
const prerequest = (lines: string[]) => ({ listen: 'prerequest', script: { type: 'text/javascript', exec: lines } });
/** The layer's scripts carry its marker: the runner believes run signals (suites/run-signals.ts) from them only. */
const layer = (event: { script: { exec: string[] } }) => ({ ...event, script: { ...event.script, exec: [AUTH_LAYER_MARKER, ...event.script.exec] } });
/** JS that sends a run signal as the layer's scripts do: its line and its data in one console message. */
const signalJs = (text: string, signal: string) => `console.log(${text}, { ${RUN_SIGNAL_KEY}: ${signal} });`;

export interface FakeCollectionOptions {
  /** Adds a test that always fails, to the API request. */
  failingTest?: boolean;
  /** Number of requests in the Token errors folder. */
  errorCases?: number;
  /** Adds a (passing) test whose name carries the API key and the access token: console and reports must mask them. */
  secretsInTestNames?: boolean;
  /**
   * Adds an API request whose Authorization header is `Bearer {{no_token}}` with an empty token (it goes out as
   * `Bearer `, as the generated API cases do when no token could be obtained) and whose check fails with prose that says "Bearer": scrubbing must leave it whole.
   */
  emptyBearerRequest?: boolean;
}

/** The failure message of the `emptyBearerRequest` check. */
export const EMPTY_BEARER_MESSAGE = 'expected 401 or 403, got 200: the API accepted a garbage Bearer token';

/**
 * Token: signs nothing, but sends a JWT-shaped "assertion" built from private_key's hash (so the key is used),
 * stores the access token, logs it (console output must not leak it); a 5xx or non-JSON answer fails
 * ENVIRONMENT_UNAVAILABLE_TEST with the documented message, as the generated collection does. Token errors: sends garbage, counts an
 * invalid attempt and logs the count as the generated collection does. API: Bearer + APIKEY, expects 200.
 */
export function fakeCollection(options: FakeCollectionOptions = {}): object {
  const token = ({
    name: 'Exchange a fresh assertion for an access token',
    request: {
      method: 'POST',
      url: '{{identity_url}}/oauth2/token',
      body: { mode: 'urlencoded', urlencoded: [{ key: 'grant_type', value: 'urn:ietf:params:oauth:grant-type:jwt-bearer' }, { key: 'assertion', value: '{{fake_assertion}}' }] },
    },
    event: [
      prerequest([
        "var key = pm.environment.get('private_key') || '';",
        "var b = require('buffer').Buffer;",
        "var enc = function (o) { return b.from(JSON.stringify(o)).toString('base64').replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_'); };",
        "pm.environment.set('fake_assertion', enc({alg:'RS256',typ:'JWT'}) + '.' + enc({iss: 'x', k: key.length, t: Date.now()}) + '.' + enc({s: key.slice(40, 80)}));",
      ]),
      layer(test([
        // The signal of an outage, as the generated collection gives it: a 5xx or an answer that is not JSON.
        "var body; try { body = JSON.parse(pm.response.text()); } catch (e) { body = undefined; }",
        "var code = pm.response.code;",
        "if (code >= 500 || body === undefined) {",
        "  var reason = 'token endpoint answered HTTP ' + code + (body === undefined ? ', not JSON' : '') + ': the environment is unavailable';",
        "  " + signalJs("'IDCloud: ' + reason", "{ kind: 'unavailable', reason: reason }"),
        `  pm.test(${JSON.stringify(ENVIRONMENT_UNAVAILABLE_TEST)}, function () { throw new Error(reason); });`,
        "} else {",
        "pm.test('token endpoint answers 200', function () { pm.response.to.have.status(200); });",
        "pm.test('access_token is a JWT', function () { pm.expect(body.access_token).to.match(/^eyJ/); });",
        "pm.environment.set('access_token', body.access_token);",
        "console.log('got token', body.access_token);",
        "}",
      ])),
    ],
  });
  const errorItems = Array.from({ length: options.errorCases ?? 2 }, (_, i) => ({
    name: `Malformed assertion #${i + 1}`,
    request: { method: 'POST', url: '{{identity_url}}/oauth2/token', body: { mode: 'urlencoded', urlencoded: [{ key: 'assertion', value: 'not-a-jwt' }] } },
    event: [
      layer(prerequest([
        "var n = Number(pm.environment.get('idcloud_invalid_attempts') || 0);",
        "var max = Number(pm.environment.get('max_invalid_attempts') || 20);",
        "if (n >= max) { pm.execution && pm.execution.skipRequest ? pm.execution.skipRequest() : postman.setNextRequest(null); }",
        "else { pm.environment.set('idcloud_invalid_attempts', n + 1); " + signalJs("'IDCloud: invalid authentication attempts in this run: ' + (n + 1)", "{ kind: 'invalid-attempts', count: n + 1 }") + " }",
      ])),
      test(["pm.test('malformed assertion is refused with 401', function () { pm.response.to.have.status(401); });"]),
    ],
  }));
  const apiTests = [
    "pm.test('by-Client API answers 200 with token and APIKEY', function () { pm.response.to.have.status(200); });",
    "pm.test('echo carries the api key (reports must not)', function () { pm.expect(pm.response.json().echoedKey).to.equal(pm.environment.get('api_key')); });",
  ];
  if (options.secretsInTestNames) apiTests.push("pm.test('sent APIKEY ' + pm.environment.get('api_key') + ' with ' + pm.environment.get('access_token'), function () {});");
  if (options.failingTest) apiTests.push("pm.test('deliberately failing check', function () { pm.expect(pm.environment.get('access_token')).to.equal('something else'); });");
  const api = ({
    name: 'Get a process',
    request: { method: 'GET', url: '{{client_api_url}}/api/processes/1', header: [{ key: 'Authorization', value: 'Bearer {{access_token}}' }, { key: 'APIKEY', value: '{{api_key}}' }] },
    event: [test(apiTests)],
  });
  const apiItems: object[] = [api];
  if (options.emptyBearerRequest) {
    apiItems.push({
      name: 'No token is rejected',
      request: {
        method: 'GET',
        url: '{{client_api_url}}/api/processes/1',
        header: [{ key: 'Authorization', value: 'Bearer {{no_token}}' }],
      },
      event: [
        prerequest(["pm.variables.set('no_token', '');"]),
        test([`pm.test('a garbage Bearer token is rejected', function () { throw new Error(${JSON.stringify(EMPTY_BEARER_MESSAGE)}); });`]),
      ],
    });
  }
  return {
    info: { name: 'fake idcloud', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      { name: 'Token', item: [token] },
      { name: 'Token errors', item: errorItems },
      { name: 'API', item: apiItems },
    ],
  };
}

/** A Postman environment like the generator's: URLs filled, secrets empty. */
export function fakeEnvironmentJson(name: string, url: string): object {
  const value = (key: string, v: string, type = 'default') => ({ key, value: v, type, enabled: true });
  return {
    name: `idcloud ${name}`,
    values: [
      value('identity_url', url),
      value('unico_api_url', url),
      value('client_api_url', url),
      value('iss', 'svctest@tenant.iam.acesso.io'),
      value('private_key', '', 'secret'),
      value('api_key', '', 'secret'),
      value('max_invalid_attempts', '20'),
    ],
  };
}
