/** Bad network settings: a proxy variable that is not a URL, a --ca-cert that is not PEM (exit 2, one line naming it). */
import { errorClass, InputError } from '../errors';

export class ProxyUrlError extends errorClass(InputError, 'ERR_PROXY_URL') {}
export class CaCertError extends errorClass(InputError, 'ERR_CA_CERT') {}
