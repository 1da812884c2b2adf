/**
 * A local HTTP server standing in for Slack's Web API and file host: it records every API call
 * (method and parsed arguments), answers like Slack, serves shared files and accepts uploads.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
}

export interface FileRequest {
  readonly path: string;
  readonly authorization?: string;
}

export interface FakeFile {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly url: string;
  readonly channel: string;
  readonly ts: string;
}

export interface FakeSlack {
  readonly origin: string;
  readonly apiUrl: string;
  readonly calls: ApiCall[];
  readonly fileRequests: FileRequest[];
  readonly uploads: { readonly path: string; readonly bytes: Buffer }[];
  readonly responses: { readonly path: string; readonly body: Record<string, unknown> }[];
  /**
   * Files served under /files/NAME. `hang`: the host never answers ("headers"), or sends the
   * headers and half the body and then nothing more ("body"), as a stalled download does.
   */
  serve(name: string, bytes: Uint8Array, options?: { readonly hang?: "headers" | "body" }): string;
  /** files.info answers for this id. */
  describe(file: FakeFile): void;
  callsOf(method: string): ApiCall[];
  /**
   * From now on (or for its next `times` calls) `method` answers `{ ok: false, error }`, as Slack
   * does for a missing scope.
   */
  refuse(method: string, error: string, times?: number): void;
  /** The channels users.conversations lists for `user`; by default every channel seen in a call. */
  memberOf(user: string, channels: readonly string[]): void;
  /**
   * From now on `method` is recorded but never answered, as a Web API call that hangs;
   * "response_url" hangs the replies sent to a slash command's or a button's response URL.
   */
  hang(method: string): void;
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseArgs(body: Buffer, type: string | undefined): Record<string, unknown> {
  const text = body.toString("utf8");
  if (type?.includes("application/json"))
    return JSON.parse(text || "{}") as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    args[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return args;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: ApiCall[] = [];
  const fileRequests: FileRequest[] = [];
  const uploads: { path: string; bytes: Buffer }[] = [];
  const responses: { path: string; body: Record<string, unknown> }[] = [];
  const served = new Map<string, Uint8Array>();
  const hangingFiles = new Map<string, "headers" | "body">();
  const hangingMethods = new Set<string>();
  const described = new Map<string, FakeFile>();
  const refused = new Map<string, { error: string; left: number }>();
  const memberships = new Map<string, readonly string[]>();
  let tsCounter = 1000;
  let origin = "";

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    const ts = `1700000000.${String(tsCounter++).padStart(6, "0")}`;
    const refusal = refused.get(method);
    if (refusal && refusal.left-- > 0) return { ok: false, error: refusal.error };
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "dealdesk" };
      case "chat.postMessage":
        return { ok: true, channel: args.channel, ts, message: { ts } };
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts };
      case "chat.postEphemeral":
        return { ok: true, message_ts: ts };
      case "files.info": {
        const f = described.get(String(args.file));
        if (!f) return { ok: false, error: "file_not_found" };
        return {
          ok: true,
          file: {
            id: f.id,
            name: f.name,
            size: f.size,
            url_private: f.url,
            url_private_download: f.url,
            shares: { public: { [f.channel]: [{ ts: f.ts }] } },
          },
        };
      }
      case "files.getUploadURLExternal":
        return {
          ok: true,
          upload_url: `${origin}/upload/${String(args.filename)}`,
          file_id: `F${tsCounter}`,
        };
      case "files.completeUploadExternal":
        return { ok: true, files: args.files };
      case "users.conversations": {
        const seen = calls.flatMap((c) => [c.args.channel, c.args.channel_id]);
        const ids = memberships.get(String(args.user)) ?? seen.filter((c) => typeof c === "string");
        return { ok: true, channels: [...new Set(ids)].map((id) => ({ id })) };
      }
      default:
        return { ok: true };
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      const body = await readBody(req);
      if (url.pathname.startsWith("/api/")) {
        const method = url.pathname.slice("/api/".length);
        const args = parseArgs(body, req.headers["content-type"]);
        calls.push({ method, args });
        // Left open: close() ends the connection.
        if (hangingMethods.has(method)) return;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(answer(method, args)));
        return;
      }
      if (url.pathname.startsWith("/files/")) {
        fileRequests.push({
          path: url.pathname,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        });
        const name = url.pathname.slice("/files/".length);
        const bytes = served.get(name);
        const hang = hangingFiles.get(name);
        if (hang === "headers") return;
        if (bytes && hang === "body") {
          res.writeHead(200, { "content-length": String(bytes.byteLength) });
          res.write(Buffer.from(bytes.subarray(0, Math.floor(bytes.byteLength / 2))));
          return;
        }
        res.writeHead(bytes ? 200 : 404);
        res.end(bytes ? Buffer.from(bytes) : undefined);
        return;
      }
      if (url.pathname.startsWith("/upload/")) {
        uploads.push({ path: url.pathname, bytes: body });
        res.writeHead(200);
        res.end("OK");
        return;
      }
      if (url.pathname.startsWith("/respond/")) {
        responses.push({ path: url.pathname, body: JSON.parse(body.toString("utf8") || "{}") });
        if (hangingMethods.has("response_url")) return;
        res.writeHead(200);
        res.end("ok");
        return;
      }
      res.writeHead(404);
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    apiUrl: `${origin}/api/`,
    calls,
    fileRequests,
    uploads,
    responses,
    serve(name, bytes, options = {}) {
      served.set(name, bytes);
      if (options.hang) hangingFiles.set(name, options.hang);
      else hangingFiles.delete(name);
      return `${origin}/files/${name}`;
    },
    describe(file) {
      described.set(file.id, file);
    },
    callsOf(method) {
      return calls.filter((c) => c.method === method);
    },
    memberOf(user, channels) {
      memberships.set(user, channels);
    },
    refuse(method, error, times = Number.POSITIVE_INFINITY) {
      refused.set(method, { error, left: times });
    },
    hang(method) {
      hangingMethods.add(method);
    },
    // Generous: a loaded 2-core CI machine can take seconds to build a DOCX or a chart; a passing
    // test returns as soon as the call arrives, so only a failing one waits this long.
    async waitFor(predicate, what, timeoutMs = 15_000) {
      const start = Date.now();
      while (!predicate()) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
