/** Request names of the `API` folder (the generator's; the scripts use the running request's name). */
import type { ApiAction, ApiCase, ApiProduct } from './api';

export const PRODUCT_NAMES: Record<ApiProduct, string> = { unico: 'By Unico', client: 'By Client' };

const ACTION_NAMES: Record<ApiAction, string> = {
  create: 'create with a valid token',
  read: 'read with a valid token',
  'no-token': 'no token is rejected',
  'garbage-token': 'garbage token is rejected',
  'no-apikey': 'no APIKEY is rejected',
};

/** "By Unico: create with a valid token". */
export function apiCaseName(c: Pick<ApiCase, 'product' | 'action'>): string {
  return `${PRODUCT_NAMES[c.product]}: ${ACTION_NAMES[c.action]}`;
}
