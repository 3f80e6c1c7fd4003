/**
 * The signing path bundles small: the collection embeds it in every request's script run, where Unico's own
 * collection evals 342 KB of jsrsasign. Goal from the issue: under 8 KB minified.
 */
import path from 'node:path';
import { bundleSandboxSource } from './bundle';

const ROOT = path.resolve(__dirname, '..', '..');

test('signJwtRs256 and everything it needs bundle to under 8 KB, without key generation or SPKI code', () => {
  const text = bundleSandboxSource(
    `import { signJwtRs256 } from './src/sandbox/crypto';
     declare const pm: any;
     pm.variables.set('assertion', signJwtRs256(pm.variables.get('private_key'), { iss: 'x' }));`,
    ROOT,
  );
  expect(text.length).toBeLessThan(8 * 1024);
  // Tree shaking keeps the throwaway-key generator and the encoders out of the signing script.
  expect(text).not.toMatch(/Math\.random/);
  expect(text).not.toContain('48,13,6,9,42,134,72,134,247,13,1,1,1,5,0'); // SPKI's rsaEncryption AlgorithmIdentifier
});
