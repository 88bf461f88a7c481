// Preloaded into the Agents Playground (node --import): its CLI listens on every
// interface and has no option for the host, so a port-only listen() is bound to
// 127.0.0.1 here. The playground is a local tool; nothing else on the network needs it.
import net from 'node:net';

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  if (typeof first === 'number' && typeof second !== 'string') return listen.call(this, first, LOOPBACK, ...args.slice(1));
  if (first && typeof first === 'object' && !Array.isArray(first) && 'port' in first && first.host === undefined && first.path === undefined) {
    return listen.call(this, { ...first, host: LOOPBACK }, ...args.slice(1));
  }
  return listen.apply(this, args);
};
