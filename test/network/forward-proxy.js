/**
 * A real forward proxy (the npm package `proxy`, 2.x) for the network tests, in its own process: host names under
 * `.idcloud.test` resolve to 127.0.0.1 here and nowhere else, so a connection that does not go through the proxy
 * cannot reach them. argv[2]: optional `user:password` the proxy requires (Basic). Prints its port.
 */
'use strict';
const dns = require('node:dns');
const http = require('node:http');
const { createProxy } = require('proxy');

const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  if (/\.idcloud\.test$/.test(hostname)) {
    const cb = typeof options === 'function' ? options : callback;
    const all = typeof options === 'object' && options && options.all;
    return process.nextTick(() => (all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)));
  }
  return lookup.apply(this, arguments);
};

const server = createProxy(http.createServer());
const credentials = process.argv[2];
if (credentials) {
  server.authenticate = (req) => req.headers['proxy-authorization'] === `Basic ${Buffer.from(credentials).toString('base64')}`;
}
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
