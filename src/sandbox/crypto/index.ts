/**
 * The RS256 signer that runs inside Postman's sandbox (newman 6.2.2 / postman-sandbox 4.7.1 and 6.x) and in Node.
 * Plain dependency-free modules: no crypto, no TextEncoder, no globalThis, no Buffer, no eval.
 */
export type { RsaPrivateKey } from './rsa-key';
export { utf8Encode, utf8Decode } from './utf8';
export { base64Encode, base64Decode, base64urlEncode, base64urlDecode } from './base64';
export { sha256 } from './sha256';
export { hmacSha256 } from './hmac';
export { parseRsaPrivateKey, rsaKeyFromPkcs1, rsaKeyFromPkcs8 } from './key-parse';
export { publicKeySpkiPem, publicKeySpkiDer, privateKeyPkcs1Pem } from './key-encode';
export { pemDecode, pemEncode } from './pem';
export { signRs256, verifyRs256 } from './rsa';
export { signRs512, signPs256 } from './rsa-more';
export { sha512 } from './sha512';
export { rsaPublicJwk } from './jwk';
export { encodeJwsPart, jwsSigningInput, signJwtRs256 } from './jws';
export { generateRsaPrivateKey } from './keygen';
