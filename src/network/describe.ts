/** A reason a person understands, from a system, proxy or TLS error code: one wording for every Node path. */

/** Codes of a certificate the client does not trust (the fix: --ca-cert), as opposed to other TLS failures. */
const UNTRUSTED = /^(UNABLE_TO_GET_ISSUER_CERT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_UNTRUSTED|CERT_SIGNATURE_FAILURE)$/;

export function describeNetworkReason(code: string): string {
  switch (code) {
    case 'ECONNREFUSED': return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN': return 'host not found (DNS)';
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT': return 'timed out';
    case 'ECONNRESET': return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH': return 'network unreachable';
    case 'ERR_TLS_CERT_ALTNAME_INVALID': return `the server's certificate is for another host name [${code}]; check the URL (verification stays on)`;
    case 'CERT_HAS_EXPIRED': return `the server's certificate has expired [${code}]`;
    default:
      if (UNTRUSTED.test(code)) {
        return `the server's certificate is not trusted [${code}]: a private CA or a TLS-inspecting proxy? give its CA certificate with --ca-cert FILE (or NODE_EXTRA_CA_CERTS); verification stays on`;
      }
      if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME/.test(code)) return `TLS error ${code}`;
      return code;
  }
}
