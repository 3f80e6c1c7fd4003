/** Request names of the `API` folder (the generator's; the scripts use the running request's name). */
import type { ApiAction, ApiCase, ApiEndpoint, ApiProduct } from './api';

export const PRODUCT_NAMES: Record<ApiProduct, string> = { unico: 'By Unico', client: 'By Client', sign: 'Sign' };

const ENDPOINT_NAMES: Record<ApiEndpoint, string> = {
  CreateProcess: 'CreateProcess',
  FinishProcess: 'finish the process (emulator only)',
  GetProcess: 'GetProcess',
  GetSelfie: 'GetSelfie',
  GetEvidenceSet: 'GetEvidenceSet',
  GetDocumentSigned: 'GetDocumentSigned',
  GetEvidenceSign: 'GetEvidenceSign',
  CreateClientProcess: 'create process',
  GetClientProcess: 'get process',
  GetDocuments: 'documents',
};

const ACTION_NAMES: Record<ApiAction, string> = {
  valid: 'with a valid token',
  'no-token': 'without a token is rejected',
  'garbage-token': 'with a garbage token is rejected',
  'no-apikey': 'without APIKEY is rejected',
};

/** "By Unico: GetSelfie with a valid token". */
export function apiCaseName(c: Pick<ApiCase, 'product' | 'endpoint' | 'action' | 'loopbackOnly'>): string {
  return `${PRODUCT_NAMES[c.product]}: ${ENDPOINT_NAMES[c.endpoint]}${c.loopbackOnly ? '' : ` ${ACTION_NAMES[c.action]}`}`;
}
