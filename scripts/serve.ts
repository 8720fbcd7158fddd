/**
 * The production HTTP server: Next.js's request handler behind a plain Node server that stamps each
 * request with the client's address (x-portal-client-ip), from the socket, or from the last hop of
 * X-Forwarded-For only when TRUST_PROXY=1 says a proxy we run sets it. A spoofed X-Forwarded-For
 * therefore never changes who the portal thinks is asking (sign-in throttling depends on it).
 */
import http from "node:http";
import next from "next";
import { ROOT } from "./lib/runtime";

export const CLIENT_IP_HEADER = "x-portal-client-ip";

function clientIp(req: http.IncomingMessage, trustProxy: boolean): string {
  const socketIp = req.socket.remoteAddress ?? "unknown";
  if (!trustProxy) return socketIp;
  const forwarded = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((h) => h.trim()).filter(Boolean);
  return hops.at(-1) ?? socketIp;
}

const port = Number(process.env.PORT ?? 3000);
const trustProxy = process.env.TRUST_PROXY === "1";
// hostname and port let Next reach itself (server-action redirects fetch their target internally).
const app = next({
  dev: false,
  dir: ROOT,
  hostname: "localhost",
  port,
  conf: process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : undefined,
});
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[CLIENT_IP_HEADER] = clientIp(req, trustProxy);
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("系统繁忙,请稍后再试");
  });
});
server.listen(port, () => console.log(`✓ Ready on http://localhost:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
