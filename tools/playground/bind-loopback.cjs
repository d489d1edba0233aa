// Preloaded with `node --require` into the Microsoft 365 Agents Playground so that
// its servers listen on 127.0.0.1 only. Version 0.2.28 calls server.listen(port)
// without a host, which listens on every interface, and has no option to change it.
"use strict";

const net = require("node:net");

const loopbackHost = "127.0.0.1";
const originalListen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (args.length === 0 || typeof first === "function") {
    args.unshift(0, loopbackHost);
  } else if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    if (typeof args[1] !== "string") {
      args.splice(1, 0, loopbackHost);
    }
  } else if (first !== null && typeof first === "object" && first.host === undefined
      && first.path === undefined && first.fd === undefined && first._handle === undefined) {
    args[0] = { ...first, host: loopbackHost };
  }
  return originalListen.apply(this, args);
};
