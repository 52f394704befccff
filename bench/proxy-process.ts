import { startRoundRobinProxy } from "../test/e2e/round-robin-proxy.ts";

/**
 * The round-robin proxy as its own process, as a load balancer is: the bench's driver (which also
 * plays Discord) does not carry the proxy's work on its own event loop. Prints its URL, runs until
 * SIGTERM. Usage: node --import tsx bench/proxy-process.ts PORT [PORT…]
 */
const ports = process.argv.slice(2).map(Number);
const proxy = await startRoundRobinProxy(ports);
process.once("SIGTERM", () => void proxy.close().then(() => process.exit(0)));
process.stdout.write(`${proxy.url}\n`);
