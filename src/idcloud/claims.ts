/**
 * Unico's rules for the JWT assertion (idcloud-auth.md §2), as data shared by the credential checks,
 * the sandbox signer and the emulator.
 */
export const ASSERTION_HEADER = Object.freeze({ alg: 'RS256', typ: 'JWT' });

/** The only claims Unico accepts; anything else is error 1.2.22. */
export const ALLOWED_CLAIMS = Object.freeze(['iss', 'aud', 'scope', 'iat', 'exp'] as const);

/** Claims users most often add by habit from other JWT libraries. */
export const FORBIDDEN_CLAIM_EXAMPLES = Object.freeze(['sub', 'jti', 'nbf']);

export const REQUIRED_SCOPE = '*';

/** exp may be at most iat + this many seconds; Unico's FAQ recommends exactly this. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 3600;

/** The lifetime our signers use: the maximum, as Unico's own examples do. */
export const DEFAULT_ASSERTION_LIFETIME_SECONDS = 3600;

/** `<account>@<tenant_id>.iam.acesso.io`; account names are at most 12 characters. */
export const ISS_PATTERN = /^([A-Za-z0-9._-]{1,12})@([A-Za-z0-9-]+)\.iam\.acesso\.io$/;

export const ISS_EXAMPLE = 'svcaccount@00000000-0000-0000-0000-000000000000.iam.acesso.io';

export function parseIss(iss: string): { account: string; tenant: string } | undefined {
  const match = ISS_PATTERN.exec(iss);
  return match ? { account: match[1], tenant: match[2] } : undefined;
}

/** Unico's error code pattern inside `error_description`, whatever its language. */
export const ERROR_CODE_PATTERN = /\b\d+\.\d+\.\d+\b/;
