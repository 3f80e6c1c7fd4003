/**
 * What an account's credentials may do, beyond authenticating. Unico enables capabilities per APIKEY
 * ("the key selects the enabled capabilities") without publishing their names; the emulator names one
 * per endpoint. An account lists the capabilities it has in the accounts file (`capabilities`); without
 * the field it has them all. A valid token whose account lacks one gets 403.
 */
export const CAPABILITIES = {
  'client:processes:create': 'by Client: POST /processes/v1',
  'client:processes:read': 'by Client: GET /processes/v1/{id}',
  'client:documents:read': 'by Client: GET /documents/v1',
  'unico:processes:create': 'by Unico: POST /client/v1/process',
  'unico:processes:read': 'by Unico: GET /client/v1/process/{id}',
  'unico:selfie:read': 'by Unico: GET /client/v1/process/{id}/selfie',
  'unico:evidenceset:read': 'by Unico: GET /client/v1/process/{id}/evidenceset',
  'sign:files:read': 'sign host: GET /api/v1/service/file/{documentId} and /api/v1/service/evidence/{processId}',
} as const;

export type Capability = keyof typeof CAPABILITIES;

export const ALL_CAPABILITIES: ReadonlySet<Capability> = new Set(Object.keys(CAPABILITIES) as Capability[]);

export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CAPABILITIES, value);
}
