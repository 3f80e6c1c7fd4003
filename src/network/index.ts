/**
 * The network of every outgoing connection of Node code: proxies, trusted CAs, the wording of failures.
 * settings.ts reads them, proxy.ts picks the proxy of a URL, connection.ts makes a request's agent and TLS
 * options, newman-options.ts hands the same to Newman, describe.ts words failures.
 */
export { readNetworkSettings, readProxyVariables, readCaCertFile, DIRECT, redactUserinfo } from './settings';
export type { NetworkSettings, ProxyVariables } from './settings';
export { proxyFor, describeProxy } from './proxy';
export { connectionFor, secureContextFor, watchProxy, proxyAnswer } from './connection';
export type { Connection } from './connection';
export { describeNetworkReason } from './describe';
export { ProxyUrlError, CaCertError } from './errors';
export { newmanNetworkOptions } from './newman-options';
export type { NewmanNetworkOptions } from './newman-options';
