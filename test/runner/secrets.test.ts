import { headerCredentials, MIN_OBSERVED_SECRET_LENGTH, REDACTED, SecretSet } from '../../src/runner/secrets';
import { testKeyPair } from '../helpers/keys';
import { pemNeedles } from '../leaks/scan';

const key = testKeyPair();

test('a PEM is masked whole, line by line, JSON-escaped and HTML-escaped', () => {
  const secrets = new SecretSet().addPem(key.pkcs8Pem);
  const lines = pemNeedles(key.pkcs8Pem).slice(1).map((n) => n.value);
  const samples = [
    key.pkcs8Pem,
    JSON.stringify({ private_key: key.pkcs8Pem }),
    `line: ${lines[3]} end`,
    lines[lines.length - 1].replace(/=/g, '&#x3D;').replace(/\//g, '&#x2F;'),
    `<td>${lines[5].replace(/\//g, '&#x2F;').replace(/=/g, '&#x3D;')}</td>`,
  ];
  for (const sample of samples) {
    const scrubbed = secrets.scrub(sample);
    expect(scrubbed).toContain(REDACTED);
    for (const line of lines) expect(scrubbed).not.toContain(line);
  }
});

test('registered values and any JWT-shaped string are masked; ordinary text is untouched', () => {
  const secrets = new SecretSet().add('my-api-key-123').add('').add('abc');
  expect(secrets.scrub('APIKEY: my-api-key-123')).toBe(`APIKEY: ${REDACTED}`);
  expect(secrets.scrub('k=my-api-key-123&x=1')).toBe(`k=${REDACTED}&x=1`);
  expect(secrets.scrub('Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln and more')).toBe(`Bearer ${REDACTED} and more`);
  expect(secrets.scrub('token endpoint answers 200 (abc)')).toBe('token endpoint answers 200 (abc)');
});

test('observed values: long single tokens only, so no word of a sentence is ever taken for a secret', () => {
  const token = 'tok_4f9a1c7e2b8d6a30';
  const secrets = new SecretSet()
    .addObserved('Bearer ')
    .addObserved('undefined')
    .addObserved('not a jwt at all, but long')
    .addObserved(`Bearer ${token}`)
    .addObserved(key.pkcs8Pem);
  const sentence = 'the API accepted a garbage Bearer token; undefined is not a jwt at all, but long';
  expect(secrets.scrub(sentence)).toBe(sentence);
  expect(secrets.scrub(`sent ${token}.`)).toBe(`sent ${REDACTED}.`);
  // A PEM seen in a variable is registered as a key, line by line.
  const line = pemNeedles(key.pkcs8Pem)[3].value;
  expect(secrets.scrub(`line ${line}`)).toBe(`line ${REDACTED}`);
  expect(MIN_OBSERVED_SECRET_LENGTH).toBe(16);
  expect(secrets.scrub('x'.repeat(15))).toBe('x'.repeat(15));
});

test('headers: only the credential part is a secret (after the scheme, each cookie value, an API-key header)', () => {
  expect(headerCredentials('Authorization', 'Bearer eyJabc.def.ghi')).toEqual(['eyJabc.def.ghi']);
  expect(headerCredentials('authorization', 'Basic dXNlcjpwYXNzd29yZA==')).toEqual(['dXNlcjpwYXNzd29yZA==']);
  expect(headerCredentials('Authorization', 'Bearer ')).toEqual([]);
  expect(headerCredentials('Proxy-Authorization', 'raw-token-without-scheme')).toEqual(['raw-token-without-scheme']);
  expect(headerCredentials('Cookie', 'a=1; session=s3cr3t-value')).toEqual(['1', 's3cr3t-value']);
  expect(headerCredentials('APIKEY', ' key-123 ')).toEqual(['key-123']);
  expect(headerCredentials('Content-Type', 'application/json')).toEqual([]);
});
