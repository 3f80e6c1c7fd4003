/**
 * Newman's side of the network settings: the same proxy choice and trust as every Node path, through the one door
 * newman.run opens for it, `requestAgents` (postman-runtime's requester agents). One routing agent per scheme
 * decides per connection: through the proxy (CONNECT for https, absolute-form for http) or direct, with the
 * extra CA added to Node's trust store. A request Newman's own HTTP client already addressed to a proxy (it reads
 * the process's proxy variables itself) goes straight to that proxy, never through a second one. `sslExtraCaCerts`
 * is not used: Newman reads that file only inside its working directory and drops it silently otherwise.
 */
import net from 'node:net';
import tls from 'node:tls';
import { Agent, AgentConnectOpts } from 'agent-base';
import type http from 'node:http';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { secureContextFor } from './connection';
import { proxyFor } from './proxy';
import type { NetworkSettings } from './settings';

class RoutingAgent extends Agent {
  private readonly secureContext: tls.SecureContext | undefined;

  constructor(private readonly settings: NetworkSettings) {
    super({ keepAlive: false });
    this.secureContext = secureContextFor(settings);
  }

  connect(req: http.ClientRequest, opts: AgentConnectOpts): net.Socket | Promise<net.Socket> {
    const host = (opts.host ?? 'localhost').replace(/^\[|\]$/g, '');
    const trusted = opts.secureEndpoint && this.secureContext ? { ...opts, secureContext: this.secureContext } : opts;
    // Already addressed to a proxy (an absolute-form request line): this connection is to that proxy.
    const proxy = req.path.includes('://') ? undefined : proxyFor(new URL(`${opts.secureEndpoint ? 'https' : 'http'}://${net.isIPv6(host) ? `[${host}]` : host}:${opts.port}`), this.settings);
    const tlsToProxy = this.secureContext ? { secureContext: this.secureContext } : {};
    if (proxy) {
      const through = opts.secureEndpoint ? new HttpsProxyAgent(proxy, { ...tlsToProxy, keepAlive: false }) : new HttpProxyAgent(proxy, { ...tlsToProxy, keepAlive: false });
      return through.connect(req as Parameters<HttpProxyAgent<string>['connect']>[0], trusted) as Promise<net.Socket>;
    }
    if (!trusted.secureEndpoint) return net.connect(trusted as net.NetConnectOpts);
    return tls.connect({ ...trusted, servername: net.isIP(host) ? undefined : host } as tls.ConnectionOptions);
  }
}

export interface NewmanNetworkOptions {
  requestAgents?: { http: http.Agent; https: http.Agent };
}

/** newman.run options for these settings; none (Newman's defaults) without a proxy or an extra CA. */
export function newmanNetworkOptions(settings: NetworkSettings): NewmanNetworkOptions {
  const { https, http: httpProxy } = settings.proxy;
  if (!https && !httpProxy && !settings.ca) return {};
  return { requestAgents: { http: new RoutingAgent(settings), https: new RoutingAgent(settings) } };
}
