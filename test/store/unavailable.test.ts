/**
 * Telling "the database can't be reached" from a bug: a refused port, a server that never
 * answers (bounded by the connect timeout), a connection terminated by the server (and the next
 * query reconnecting by itself) are "unavailable"; bad SQL and broken constraints are not.
 */
import { createServer, type Server, type Socket } from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openPgDb } from "../../src/store/pg-db.js";
import { isStorageUnavailable } from "../../src/store/unavailable.js";
import { serverUrl } from "./backends.js";

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the query to fail");
    },
    (error: unknown) => error,
  );
}

describe("isStorageUnavailable", () => {
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    for (const s of servers) await new Promise((r) => s.close(r));
  });

  it("is true for a port nothing listens on", async () => {
    const closed = createServer();
    const port = await listening(closed);
    await new Promise((r) => closed.close(r));
    const db = openPgDb({ connectionString: `postgres://u@127.0.0.1:${port}/db` });
    const error = await failureOf(db.query("SELECT 1"));
    await db.close();
    expect((error as { code?: string }).code).toBe("ECONNREFUSED");
    expect(isStorageUnavailable(error)).toBe(true);
  });

  it("is true for a server that accepts and never answers, within the connect timeout", async () => {
    // Holds each connection open, saying nothing; the client's reset on giving up is expected.
    const silent = createServer((socket) => {
      sockets.push(socket);
      socket.on("error", () => undefined);
    });
    servers.push(silent);
    const port = await listening(silent);
    const db = openPgDb({
      connectionString: `postgres://u@127.0.0.1:${port}/db`,
      connectTimeoutMs: 200,
    });
    const error = await failureOf(db.query("SELECT 1"));
    await db.close().catch(() => undefined);
    expect(isStorageUnavailable(error)).toBe(true);
  });

  it("is false for errors that are not about reaching the database", () => {
    const syntax = Object.assign(new Error('syntax error at or near "SELEC"'), { code: "42601" });
    const unique = Object.assign(new Error("duplicate key"), { code: "23505" });
    expect(isStorageUnavailable(syntax)).toBe(false);
    expect(isStorageUnavailable(unique)).toBe(false);
    expect(isStorageUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isStorageUnavailable("ECONNREFUSED")).toBe(false);
  });

  it("looks inside AggregateError and causes", () => {
    const refused = Object.assign(new Error("connect"), { code: "ECONNREFUSED" });
    expect(isStorageUnavailable(new AggregateError([refused], "all failed"))).toBe(true);
    expect(isStorageUnavailable(new Error("wrapped", { cause: refused }))).toBe(true);
  });

  it.runIf(serverUrl !== undefined)(
    "is true when the server terminates the connection, and the next query reconnects",
    async () => {
      const name = `dealdesk_unavail_${process.pid}`;
      const db = openPgDb({ connectionString: `${serverUrl}?application_name=${name}` });
      expect((await db.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      // A transaction holds its connection, so the termination hits a query in flight.
      const held = db.transaction(async (tx) => {
        await tx.query("SELECT 1");
        await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
          [name],
        );
        await tx.query("SELECT 2");
      });
      const error = await failureOf(held);
      await admin.end();
      expect(isStorageUnavailable(error)).toBe(true);
      // Recovery: the pool opens a new connection for the next query.
      expect((await db.query("SELECT 3 AS three")).rows).toEqual([{ three: 3 }]);
      await db.close();
    },
  );
});
