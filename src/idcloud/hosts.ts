/**
 * Unico's hosts per built-in environment (idcloud-auth.md §3, §5).
 * The identity base URL doubles as the JWT `aud`: Unico requires aud to equal the token endpoint's origin.
 */
export interface EnvironmentUrls {
  /** Identity service origin: token endpoint is `${identityUrl}/oauth2/token`, and `aud` equals it. */
  identityUrl: string;
  /** "by Unico" (Web & SDK) product API base URL. */
  unicoApiUrl: string;
  /** "by Client" product API base URL (needs APIKEY). */
  clientApiUrl: string;
  /** Signature files of the sign flows (signed documents, signature evidence). */
  signApiUrl: string;
}

export const BUILT_IN_ENVIRONMENTS: Readonly<Record<'uat' | 'production', EnvironmentUrls>> = {
  uat: {
    identityUrl: 'https://identityhomolog.acesso.io',
    unicoApiUrl: 'https://api.idcloud.uat.unico.app',
    clientApiUrl: 'https://api.id.uat.unico.app',
    signApiUrl: 'https://signhom.acesso.io',
  },
  production: {
    identityUrl: 'https://identity.acesso.io',
    unicoApiUrl: 'https://api.idcloud.unico.app',
    clientApiUrl: 'https://api.id.unico.app',
    signApiUrl: 'https://sign.acesso.io',
  },
};

export const TOKEN_PATH = '/oauth2/token';
export const JWT_BEARER_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Product API paths (idcloud-auth.md §5); the by-Unico files are `${unicoProcess}/{id}/selfie` and `/evidenceset`. */
export const API_PATHS = {
  unicoProcess: '/client/v1/process',
  clientProcess: '/processes/v1',
  /** by Client: `?code=<CPF>&type=BR_RG|BR_CNH|BR_CIN|BR_PASSPORT`. */
  clientDocuments: '/documents/v1',
  /** Sign host: `/{documentId}`, the signed PDF. */
  signFile: '/api/v1/service/file',
  /** Sign host: `/{processId}`, the signature evidence. */
  signEvidence: '/api/v1/service/evidence',
} as const;

/** Unico's product API families (idcloud-auth.md §5): by Unico (Web & SDK), by Client (needs APIKEY), the sign hosts. */
export type ApiProduct = 'unico' | 'client' | 'sign';

/**
 * Unico's known hosts, UAT and production (idcloud-auth.md §5, §6), and which of an environment's URLs each one
 * serves. Both "by Unico" hosts (the newer api.idcloud and the older api.cadastro) serve the same one.
 * (The variable `wrap` puts in each host's place is ours, not Unico's: suites/variables.ts HOST_VARIABLES.)
 */
export const UNICO_HOSTS: Readonly<Record<string, keyof EnvironmentUrls>> = {
  'identityhomolog.acesso.io': 'identityUrl',
  'identity.acesso.io': 'identityUrl',
  'api.idcloud.uat.unico.app': 'unicoApiUrl',
  'api.idcloud.unico.app': 'unicoApiUrl',
  'api.cadastro.uat.unico.app': 'unicoApiUrl',
  'api.cadastro.unico.app': 'unicoApiUrl',
  'api.id.uat.unico.app': 'clientApiUrl',
  'api.id.unico.app': 'clientApiUrl',
  'signhom.acesso.io': 'signApiUrl',
  'sign.acesso.io': 'signApiUrl',
};
