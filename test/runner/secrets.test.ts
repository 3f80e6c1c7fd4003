import { REDACTED, SecretSet } from '../../src/runner/secrets';
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
