// A stand-in for Slack's Web API, file host and response URLs on 127.0.0.1, for the Slack
// benchmarks: it answers like Slack, records every call, serves shared files, and can be told to
// fail a method (429 with Retry-After, 500, or never answer) a given number of times. Each server
// may be given its own API URL (apiUrlFor("a")), so every call records which instance made it.
import { createServer } from "node:http";

function parseArgs(body, type) {
  const text = body.toString("utf8");
  if (type?.includes("application/json")) return JSON.parse(text || "{}");
  const args = {};
  for (const [k, v] of new URLSearchParams(text)) args[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  return args;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startLoopbackSlack() {
  const calls = [];
  const files = new Map();
  const described = new Map();
  /** method → { kind: "429" | "500" | "hang", left, when(args) } */
  const faults = new Map();
  const hung = new Set();
  const waiters = new Set();
  let ts = 1000;
  let origin = "";

  const notify = () => {
    for (const w of [...waiters]) {
      if (!w.test()) continue;
      waiters.delete(w);
      w.resolve();
    }
  };

  const answer = (method, args) => {
    const stamp = `1700000000.${String(ts++).padStart(6, "0")}`;
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "dealdesk" };
      case "chat.postMessage":
        return { ok: true, channel: args.channel, ts: stamp, message: { ts: stamp } };
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts };
      case "chat.postEphemeral":
        return { ok: true, message_ts: stamp };
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
        return { ok: true, upload_url: `${origin}/upload/${args.filename}`, file_id: `F${ts}` };
      case "files.completeUploadExternal":
        return { ok: true, files: args.files };
      case "conversations.members":
        return { ok: true, members: ["U1", "U2", "U3"], response_metadata: { next_cursor: "" } };
      case "users.conversations":
        return { ok: true, channels: [], response_metadata: { next_cursor: "" } };
      default:
        return { ok: true };
    }
  };

  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const body = Buffer.concat(chunks);
      const api = /^\/(?:([a-z0-9]+)\/)?api\/([A-Za-z.]+)$/.exec(url.pathname);
      if (api) {
        const via = api[1] ?? "";
        const method = api[2] ?? "";
        const args = parseArgs(body, req.headers["content-type"]);
        const fault = faults.get(method);
        if (fault && fault.left > 0 && fault.when(args)) {
          fault.left--;
          calls.push({ method, args, via, fault: fault.kind, at: Date.now() });
          if (fault.kind === "hang") {
            hung.add(res);
            return;
          }
          if (fault.kind === "429") {
            res.writeHead(429, { "retry-after": "1", "content-type": "application/json" });
            res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
          } else {
            res.writeHead(500);
            res.end("internal error");
          }
          notify();
          return;
        }
        const answered = answer(method, args);
        // A posted message's ts is kept with its call: updates and threads refer to it.
        const answeredTs = method === "chat.postMessage" ? answered.ts : undefined;
        calls.push({ method, args, via, at: Date.now(), ...(answeredTs ? { answeredTs } : {}) });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(answered));
        notify();
        return;
      }
      if (url.pathname.startsWith("/files/")) {
        const bytes = files.get(url.pathname.slice(7));
        // Recorded as a call too: a download shows that a worker has started on the file.
        calls.push({ method: "download", path: url.pathname, at: Date.now() });
        res.writeHead(bytes ? 200 : 404);
        res.end(bytes ? Buffer.from(bytes) : undefined);
        notify();
        return;
      }
      // Uploads (files.uploadV2's second step) and response URLs.
      calls.push({ method: url.pathname.split("/")[1] ?? "", path: url.pathname, at: Date.now() });
      res.writeHead(200);
      res.end("ok");
      notify();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    apiUrl: `${origin}/api/`,
    /** An API URL of its own for one server: its calls carry `via: tag`. */
    apiUrlFor: (tag) => `${origin}/${tag}/api/`,
    host: new URL(origin).host,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method && !c.fault),
    /** Shares a file: served under /files/, described by files.info. */
    share(id, name, bytes, channel, shareTs) {
      files.set(`${id}-${name}`, bytes);
      described.set(id, {
        id,
        name,
        size: bytes.byteLength,
        url: `${origin}/files/${id}-${name}`,
        channel,
        ts: shareTs,
      });
    },
    /** The next `times` calls of `method` (those whose arguments pass `when`) fail with `kind`. */
    fail(method, kind, times, when = () => true) {
      faults.set(method, { kind, left: times, when });
    },
    /** Resolves when `test()` holds after a call arrives, or rejects after `ms`. */
    until(test, what, ms = 120_000) {
      if (test()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const w = { test, resolve };
        waiters.add(w);
        setTimeout(() => {
          if (waiters.delete(w)) reject(new Error(`timed out waiting for ${what}`));
        }, ms).unref();
      });
    },
    close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
