import { resolveEnvironments, normalizeBaseUrl, EnvironmentError } from '../../src/environments';

describe('resolveEnvironments', () => {
  it('resolves the built-ins to Unico hosts', () => {
    const [uat, prod] = resolveEnvironments(['uat', 'production']);
    expect(uat.identityUrl).toBe('https://identityhomolog.acesso.io');
    expect(uat.isProduction).toBe(false);
    expect(prod.identityUrl).toBe('https://identity.acesso.io');
    expect(prod.isProduction).toBe(true);
    expect(prod.isLoopback).toBe(false);
  });

  it('defines NAME=URL environments whose product APIs default to the same origin', () => {
    const [local] = resolveEnvironments(['local=http://127.0.0.1:8080/']);
    expect(local).toMatchObject({
      name: 'local',
      identityUrl: 'http://127.0.0.1:8080',
      unicoApiUrl: 'http://127.0.0.1:8080',
      clientApiUrl: 'http://127.0.0.1:8080',
      isLoopback: true,
    });
  });

  it('takes environments from a config map, and flags override the URL', () => {
    const configured = { stage: { identityUrl: 'https://id.example.test', clientApiUrl: 'https://api.example.test' } };
    expect(resolveEnvironments(['stage'], configured)[0].clientApiUrl).toBe('https://api.example.test');
    expect(resolveEnvironments(['stage=http://localhost:9'], configured)[0].identityUrl).toBe('http://localhost:9');
  });

  it('rejects unknown names, duplicates, bad URLs and an empty list with one-line errors', () => {
    expect(() => resolveEnvironments(['nowhere'])).toThrow(/unknown environment "nowhere"/);
    expect(() => resolveEnvironments(['uat', 'uat'])).toThrow(/given twice/);
    expect(() => resolveEnvironments(['x=ftp://a'])).toThrow(EnvironmentError);
    expect(() => resolveEnvironments([])).toThrow(/at least one environment/);
    expect(() => normalizeBaseUrl('not a url', 'identityUrl')).toThrow(/identityUrl: "not a url" is not a URL/);
  });
});
