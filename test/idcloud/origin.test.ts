/** Origins compared as the auth layer compares them: scheme, case-insensitive host, explicit default ports. */
import { isLoopbackHost, isLoopbackUrl, originKey, parseOrigin } from '../../src/idcloud/origin';

test.each([
  ['https://api.idcloud.uat.unico.app/client/v1/process', 'https://api.idcloud.uat.unico.app:443'],
  ['HTTPS://API.IDCloud.UAT.unico.app:443/x?y#z', 'https://api.idcloud.uat.unico.app:443'],
  ['http://127.0.0.1:8780', 'http://127.0.0.1:8780'],
  ['http://user:pass@example.com:8080/', 'http://example.com:8080'],
  ['http://[::1]:80/x', 'http://[::1]:80'],
  ['example.com/path', 'http://example.com:80'],
  ['https://example.com.:0443/', 'https://example.com:443'],
])('%s → %s', (url, key) => {
  expect(originKey(url)).toBe(key);
});

test('the same origin however written; a different scheme, host or port is another origin', () => {
  expect(originKey('https://sign.acesso.io')).toBe(originKey('https://SIGN.acesso.io:443/api'));
  expect(originKey('https://sign.acesso.io')).not.toBe(originKey('http://sign.acesso.io'));
  expect(originKey('https://sign.acesso.io')).not.toBe(originKey('https://signhom.acesso.io'));
  expect(originKey('https://sign.acesso.io')).not.toBe(originKey('https://sign.acesso.io:8443'));
  expect(originKey('https://sign.acesso.io.evil.example')).not.toBe(originKey('https://sign.acesso.io'));
});

test('no origin: empty, scheme only, unresolved text', () => {
  expect(originKey('')).toBe('');
  expect(originKey('http://')).toBe('');
  expect(parseOrigin('   ')).toBeUndefined();
});

test('loopback: 127/8, ::1, localhost; not names that merely start like one', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', 'api.localhost']) expect(isLoopbackHost(host)).toBe(true);
  for (const host of ['127.0.0.1.example.com', '10.0.0.1', 'example.com', 'localhost.example.com']) expect(isLoopbackHost(host)).toBe(false);
  expect(isLoopbackUrl('http://localhost:8780/x')).toBe(true);
  expect(isLoopbackUrl('https://identity.acesso.io')).toBe(false);
});
