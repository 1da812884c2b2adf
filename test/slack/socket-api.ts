/**
 * A Web API for the Socket Mode tests: auth.test answers for the bot token, and
 * apps.connections.open either refuses the app token or hands out a WebSocket URL on a port
 * nothing listens on. Records each call with the token it came with.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SocketApi {
  readonly apiUrl: string;
  readonly calls: { readonly method: string; readonly token: string }[];
  close(): Promise<void>;
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startSocketApi(mode: "refuse" | "dead-socket"): Promise<SocketApi> {
  const calls: { method: string; token: string }[] = [];
  const deadPort = await closedPort();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
      const token = String(req.headers.authorization ?? "").replace(/^Bearer /, "");
      calls.push({ method, token });
      const body =
        method === "auth.test"
          ? { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" }
          : mode === "refuse"
            ? { ok: false, error: "invalid_auth" }
            : { ok: true, url: `ws://127.0.0.1:${deadPort}/link` };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
