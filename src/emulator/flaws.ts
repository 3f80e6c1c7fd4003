/**
 * Flaw switches: each one makes the emulator break exactly one of Unico's rules, so tests can show that
 * the generated suites catch a server that is too lenient. `emulator --flaw NAME` (repeatable) turns them on.
 */
export const EMULATOR_FLAWS = {
  'accept-expired': 'accepts assertions whose exp is in the past',
  'accept-long-lifetime': 'accepts exp later than iat + 3600, or exp equal to iat',
  'accept-future-iat': 'accepts iat in the future',
  'accept-any-aud': 'accepts any aud (other environment, trailing slash)',
  'accept-wrong-tenant': 'accepts an iss whose tenant is unknown',
  'accept-missing-scope': 'accepts a payload without scope',
  'accept-extra-claims': 'accepts claims other than iss, aud, scope, iat, exp',
  'accept-bad-signature': 'accepts assertions whose signature does not verify',
  'accept-alg-none': 'accepts unsigned assertions (alg none)',
  'accept-hs256': 'accepts HS256 assertions keyed with the public key (algorithm confusion)',
  'accept-alg-none-variants': 'refuses alg "none" but accepts its other spellings ("None", "NONE") unsigned',
  'accept-any-rsa-alg': 'accepts RS384/RS512/PS256/PS384/PS512 signed by the account key (only RS256 is allowed)',
  'accept-empty-signature': 'accepts an RS256 assertion whose signature part is empty',
  'trust-embedded-jwk': 'verifies with the key of a jwk header (a key the token brings) instead of the account key',
  'trust-jku': 'trusts a jku header: skips the signature check when the key URL cannot be fetched (fails open)',
  'accept-missing-iss': 'accepts an assertion without iss (the first registered account answers)',
  'accept-missing-iat': 'accepts an assertion without iat (its lifetime counted from now)',
  'accept-missing-exp': 'accepts an assertion without exp (it never expires)',
  'accept-string-times': 'accepts iat and exp given as numeric strings',
  'accept-malformed': 'answers 200 to an assertion that is not a JWT',
  'accept-replay': 'accepts the same assertion more than once',
  'accept-any-grant-type': 'ignores grant_type',
  'accept-json-body': 'accepts a JSON body instead of a form',
  'accept-any-api-token': 'product APIs accept any or no Bearer token',
  'accept-missing-apikey': 'the by-Client API accepts requests without APIKEY',
  'no-error-code': 'error_description carries no Unico error code',
  'server-error-on-expired': 'answers 500 instead of 1.2.4 to an expired assertion (a finding, not an outage)',
} as const;

export type EmulatorFlaw = keyof typeof EMULATOR_FLAWS;

export function isEmulatorFlaw(name: string): name is EmulatorFlaw {
  return Object.prototype.hasOwnProperty.call(EMULATOR_FLAWS, name);
}
