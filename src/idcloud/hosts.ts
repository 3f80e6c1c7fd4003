/**
 * Unico's hosts per built-in environment (idcloud-auth.md §3, §5).
 * The identity base URL doubles as the JWT `aud`: Unico requires aud to equal the token endpoint's origin.
 */
import { ENV_VARIABLES } from '../suites/variables';

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

/**
 * Unico's known hosts, UAT and production (idcloud-auth.md §5, §6), and the environment variable `wrap` puts in
 * their place (cli-contract.md "The auth layer"), so that one wrapped collection serves every environment.
 * Both "by Unico" hosts (the newer api.idcloud and the older api.cadastro) map to the same variable.
 */
// Built by a PURE call: the sandbox bundles import this module and do not use it, so esbuild leaves it out.
export const HOST_VARIABLES: Readonly<Record<string, string>> = /* @__PURE__ */ hostVariables();

function hostVariables(): Readonly<Record<string, string>> {
  return Object.freeze({
    'identityhomolog.acesso.io': ENV_VARIABLES.identityUrl,
    'identity.acesso.io': ENV_VARIABLES.identityUrl,
    'api.idcloud.uat.unico.app': ENV_VARIABLES.unicoApiUrl,
    'api.idcloud.unico.app': ENV_VARIABLES.unicoApiUrl,
    'api.cadastro.uat.unico.app': ENV_VARIABLES.unicoApiUrl,
    'api.cadastro.unico.app': ENV_VARIABLES.unicoApiUrl,
    'api.id.uat.unico.app': ENV_VARIABLES.clientApiUrl,
    'api.id.unico.app': ENV_VARIABLES.clientApiUrl,
    'signhom.acesso.io': ENV_VARIABLES.signApiUrl,
    'sign.acesso.io': ENV_VARIABLES.signApiUrl,
  });
}
