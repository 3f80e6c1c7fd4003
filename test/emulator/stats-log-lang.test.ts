/** stats() counts, the per-request log line (and that it never carries a secret), and lang en. */
import { otherTestKeyPair, TEST_ISS } from '../helpers/keys';
import { accessToken, API_KEY, claims, clientProcessBody, exchange, nowSeconds, postForm, postJson, request, signRs256, startTestEmulator } from './support';

test('lang en: "Authentication failed (CODE)", and without a code for uncoded 401s', async () => {
  const emulator = await startTestEmulator({ lang: 'en' });
  try {
    const iat = nowSeconds() - 7200;
    const expired = await exchange(emulator.url, signRs256(claims(emulator.url, { iat, exp: iat + 3600 })));
    expect(expired.json).toEqual({ error: 'server_error', error_description: 'Authentication failed (1.2.4)' });
    const wrongAud = await exchange(emulator.url, signRs256(claims(emulator.url, { aud: 'https://identity.acesso.io' })));
    expect(wrongAud.json).toEqual({ error: 'server_error', error_description: 'Authentication failed' });
  } finally {
    await emulator.close();
  }
});

test('stats() counts requests, successful exchanges, token errors and invalid attempts per account', async () => {
  const emulator = await startTestEmulator();
  try {
    const { url } = emulator;
    await accessToken(url);
    await accessToken(url);
    await exchange(url, signRs256(claims(url, { sub: 'x' }))); // 1.2.22, counts for TEST_ISS
    await exchange(url, signRs256(claims(url, { iss: 'nobody@ffff.iam.acesso.io' }))); // 1.0.1, no known account
    await postForm(url, { assertion: 'x' }); // 400
    await request(`${url}/.well-known/jwks.json`);
    expect(emulator.stats()).toEqual({ tokenExchanges: 2, tokenErrors: 3, invalidAttempts: { [TEST_ISS]: 1 }, requests: 6, processesCreated: 0, webhooksDelivered: 0, webhooksFailed: 0 });
  } finally {
    await emulator.close();
  }
});

test('one log line per request: method, path, status, Unico code — and never a token, assertion or APIKEY', async () => {
  const lines: string[] = [];
  const emulator = await startTestEmulator({ log: (line) => lines.push(line) });
  try {
    const { url } = emulator;
    const assertion = signRs256(claims(url));
    const tokenResult = await exchange(url, assertion);
    const token = tokenResult.json.access_token as string;
    const replayed = await exchange(url, assertion);
    expect(replayed.status).toBe(401);
    const iat = nowSeconds() - 7200;
    const expiredAssertion = signRs256(claims(url, { iat, exp: iat + 3600 }));
    await exchange(url, expiredAssertion);
    const badKeyAssertion = signRs256(claims(url), otherTestKeyPair().privateKey);
    await exchange(url, badKeyAssertion);
    await postJson(`${url}/processes/v1`, clientProcessBody(), { Authorization: `Bearer ${token}`, APIKEY: API_KEY });
    await request(`${url}/client/v1/process/${token}?access_token=${token}&assertion=${assertion}`, { headers: { Authorization: `Bearer ${token}` } });
    await request(`${url}/oauth2/token?assertion=${assertion}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: assertion });

    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('POST /oauth2/token 200');
    expect(lines[1]).toBe('POST /oauth2/token 401 1.2.7 (replay)');
    expect(lines[2]).toBe('POST /oauth2/token 401 1.2.4 (expired)');
    expect(lines[3]).toBe('POST /oauth2/token 401 1.2.21 (bad-signature)');
    expect(lines[4]).toBe('POST /processes/v1 200');
    expect(lines[5]).toBe('GET /client/v1/process/[redacted] 400 invalid_field');
    expect(lines[6]).toBe('POST /oauth2/token 415 (invalid_request)');
    const secrets = [assertion, token, API_KEY, expiredAssertion, badKeyAssertion];
    const signatureParts = secrets.filter((s) => s.includes('.')).map((s) => s.split('.')[2]);
    for (const line of lines) {
      for (const secret of [...secrets, ...signatureParts]) expect(line).not.toContain(secret);
    }
  } finally {
    await emulator.close();
  }
});
