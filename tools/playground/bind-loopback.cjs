// Makes every server that this Node.js process opens listen on 127.0.0.1 only, unless the
// caller names a host. Loaded by start-playground.cjs before the Microsoft 365 Agents
// Playground, because version 0.2.28 calls server.listen(port) without a host, which listens
// on every interface, and has no option to change that.
"use strict";

const net = require("node:net");

const loopbackHost = "127.0.0.1";
const originalListen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const firstArgument = args[0];
  if (args.length === 0 || typeof firstArgument === "function") {
    // listen([callback]): any free port.
    args.unshift(0, loopbackHost);
  } else if (typeof firstArgument === "number" || (typeof firstArgument === "string" && /^\d+$/.test(firstArgument))) {
    // listen(port[, host][, backlog][, callback]): insert the host unless one is given.
    if (typeof args[1] !== "string") {
      args.splice(1, 0, loopbackHost);
    }
  } else if (firstArgument !== null && typeof firstArgument === "object" && firstArgument.host === undefined
      && firstArgument.path === undefined && firstArgument.fd === undefined && firstArgument._handle === undefined) {
    // listen(options[, callback]) for a TCP port; Unix sockets and inherited handles are left alone.
    args[0] = { ...firstArgument, host: loopbackHost };
  }
  return originalListen.apply(this, args);
};
