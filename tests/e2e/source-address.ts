/**
 * Traffic from a client address of the test's own. Every spec reaches the app from the loopback address,
 * so a spec that gets an address blocked (throttle.spec.ts) would block all the others. On Linux the whole
 * of 127.0.0.0/8 is loopback, so binding the client socket to e.g. 127.0.0.71 gives the app a genuinely
 * different socket address — the one scripts/serve.ts stamps as x-portal-client-ip — with no test-only
 * switch in the app that production could leave on.
 *
 * Browsers and Playwright request contexts cannot choose their source address, so they go through this
 * small forwarding proxy (plain HTTP requests in absolute form, and CONNECT tunnels), which opens its
 * connections to the app from the chosen address. Headers pass through untouched, spoofed ones included.
 */
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";

const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer", "upgrade"];

export interface SourceAddressProxy {
  /** For `proxy: { server }` in browser.newContext or request.newContext. */
  server: string;
  close: () => Promise<void>;
}

/** The app always listens on the loopback; only the source address differs. */
const APP_HOST = "127.0.0.1";

export async function sourceAddressProxy(localAddress: string): Promise<SourceAddressProxy> {
  const proxy = http.createServer((req, res) => {
    const target = new URL(req.url ?? "/");
    const headers = { ...req.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    const upstream = http.request(
      {
        host: APP_HOST,
        port: Number(target.port || 80),
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers,
        localAddress,
      },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  const tunnels = new Set<net.Socket>();
  proxy.on("connect", (req, socket, head) => {
    tunnels.add(socket as net.Socket);
    socket.on("close", () => tunnels.delete(socket as net.Socket));
    const port = Number((req.url ?? "").split(":").at(-1));
    const upstream = net.connect({ host: APP_HOST, port, localAddress }, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, APP_HOST, resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    server: `http://${APP_HOST}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        for (const socket of tunnels) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}
