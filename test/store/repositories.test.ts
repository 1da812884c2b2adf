/**
 * The repository suite, run on every available backend (PGlite always, the PostgreSQL server when
 * TEST_DATABASE_URL is set). Each test works in its own new team id, so tests never see each
 * other's rows even though they share a database.
 */
import { describe, expect, it } from "vitest";
import { currency, money } from "../../src/core/money.js";
import type { Scope } from "../../src/store/scope.js";
import { RAW_ROWS_PER_STATEMENT } from "../../src/store/uploads.js";
import { type Backend, backends, migratedStore, uniqueName } from "./backends.js";

const GBP = currency("GBP");
const USD = currency("USD");
const at = (iso: string) => new Date(iso);
const alice = (iso = "2026-03-02T10:00:00.000Z") => ({ by: "U0ALICE", at: at(iso) });
const SHA_A = "a".repeat(64);

function newScope(channelId = "C0DEAL"): Scope {
  return { teamId: uniqueName("T"), channelId };
}

describe.each(backends())("store repositories on $name", (backend: Backend) => {
  const { store, testDb } = migratedStore(backend);

  describe("deals", () => {
    it("has no deal in a new channel", async () => {
      expect(await store.deals.get(newScope())).toBeUndefined();
    });

    it("saves every field and reads it back exactly", async () => {
      const scope = newScope();
      const saved = await store.deals.save(
        scope,
        {
          vendor: "HaloITSM",
          currency: GBP,
          namedRate: money(7000, GBP), // £70.00 per named user per month
          concurrentRate: money(14000, GBP), // £140.00
          tiers: {
            mode: "all-units",
            period: "month",
            tiers: [
              { from: 1, to: 99, rateMinor: 7500 },
              { from: 100, rateMinor: 7000 },
            ],
          },
          termYears: 3,
          cap: { kind: "lesser-of", percent: "3.5" },
          renewalDate: "2027-01-31",
          notes: "Vendor offered 5% off for a 3-year term.",
        },
        alice(),
      );
      const read = await store.deals.get(scope);
      expect(read).toEqual(saved);
      expect(read).toEqual({
        scope,
        vendor: "HaloITSM",
        currency: "GBP",
        namedRate: { minor: 7000, currency: "GBP" },
        concurrentRate: { minor: 14000, currency: "GBP" },
        tiers: {
          mode: "all-units",
          period: "month",
          tiers: [
            { from: 1, to: 99, rateMinor: 7500 },
            { from: 100, rateMinor: 7000 },
          ],
        },
        termYears: 3,
        cap: { kind: "lesser-of", percent: "3.5" },
        renewalDate: "2027-01-31",
        notes: "Vendor offered 5% off for a 3-year term.",
        updatedBy: "U0ALICE",
        updatedAt: at("2026-03-02T10:00:00.000Z"),
      });
    });

    it("keeps amounts beyond 32 bits exact (bigint minor units)", async () => {
      const scope = newScope();
      // 90,071,992,547,409.91 USD = 9,007,199,254,740,991 cents, the largest safe integer.
      const rate = money(Number.MAX_SAFE_INTEGER, USD);
      await store.deals.save(scope, { vendor: "Big", currency: USD, namedRate: rate }, alice());
      expect((await store.deals.get(scope))?.namedRate).toEqual({
        minor: 9_007_199_254_740_991,
        currency: "USD",
      });
    });

    it("replaces the channel's deal on a second save and records who changed it", async () => {
      const scope = newScope();
      await store.deals.save(scope, { vendor: "HaloITSM", currency: GBP, termYears: 3 }, alice());
      const second = await store.deals.save(
        scope,
        { vendor: "HaloITSM", currency: USD, namedRate: money(6500, USD) },
        { by: "U0BOB", at: at("2026-03-05T09:30:00.000Z") },
      );
      expect(second).toEqual({
        scope,
        vendor: "HaloITSM",
        currency: "USD",
        namedRate: { minor: 6500, currency: "USD" },
        updatedBy: "U0BOB",
        updatedAt: at("2026-03-05T09:30:00.000Z"),
      });
      expect(await store.deals.get(scope)).toEqual(second);
    });

    it("refuses a rate in another currency than the deal's", async () => {
      await expect(
        store.deals.save(
          newScope(),
          { vendor: "HaloITSM", currency: GBP, namedRate: money(7000, USD) },
          alice(),
        ),
      ).rejects.toThrow("a deal in GBP cannot hold a rate in USD");
    });

    it("validates what it reads back: a corrupted row is an error, not a wrong number", async () => {
      const scope = newScope();
      await store.deals.save(scope, { vendor: "HaloITSM", currency: GBP }, alice());
      await testDb().db.query("UPDATE deals SET currency = 'ZZZ' WHERE team_id = $1", [
        scope.teamId,
      ]);
      await expect(store.deals.get(scope)).rejects.toThrow(
        "the stored deal is not valid (currency)",
      );
    });

    it("removes the channel's deal", async () => {
      const scope = newScope();
      await store.deals.save(scope, { vendor: "HaloITSM", currency: GBP }, alice());
      expect(await store.deals.remove(scope)).toBe(true);
      expect(await store.deals.get(scope)).toBeUndefined();
      expect(await store.deals.remove(scope)).toBe(false);
    });
  });

  describe("uploads", () => {
    const roster = {
      fileName: "agents.csv",
      sha256: SHA_A,
      kind: "roster",
      rowsTotal: 3,
      rowsUsed: 2,
      rowsRejected: 1,
      errorSummary: [{ code: "email.missing", count: 1, message: "no e-mail address" }],
    };
    const rows = [
      { email: "ann@example.com", name: "Ann", sessions: 12 },
      { email: "bo@example.com", name: "Bo", sessions: 3 },
      { email: null, name: "Cy", sessions: 0 },
    ];

    it("records the file's summary and its raw rows in file order", async () => {
      const scope = newScope();
      const upload = await store.uploads.add(scope, roster, rows, alice());
      expect(upload).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        scope,
        ...roster,
        uploadedBy: "U0ALICE",
        uploadedAt: at("2026-03-02T10:00:00.000Z"),
      });
      expect(await store.uploads.get(scope, upload.id)).toEqual(upload);
      expect(await store.uploads.rawRows(scope, upload.id)).toEqual(rows);
      expect(await store.uploads.findBySha256(scope, SHA_A)).toEqual(upload);
    });

    it("keeps every row of a file larger than one statement's share, in file order", async () => {
      const scope = newScope();
      const count = RAW_ROWS_PER_STATEMENT * 2 + 3;
      const many = Array.from({ length: count }, (_, i) => ({ user: `u${i + 1}`, n: i + 1 }));
      const upload = await store.uploads.add(scope, roster, many, alice());
      const back = await store.uploads.rawRows(scope, upload.id);
      expect(back).toHaveLength(count);
      expect(back).toEqual(many);
      const numbers = await testDb().db.query(
        "SELECT min(row_number) AS lo, max(row_number) AS hi, count(DISTINCT row_number)::integer AS n FROM upload_rows WHERE upload_id = $1",
        [upload.id],
      );
      expect(numbers.rows[0]).toEqual({ lo: 1, hi: count, n: count });
    });

    it("lists newest first and finds nothing for an unknown or malformed id", async () => {
      const scope = newScope();
      const first = await store.uploads.add(scope, roster, [], alice("2026-03-01T00:00:00.000Z"));
      const second = await store.uploads.add(
        scope,
        { ...roster, fileName: "agents-v2.csv", sha256: "b".repeat(64) },
        [],
        alice("2026-03-03T00:00:00.000Z"),
      );
      expect((await store.uploads.list(scope)).map((u) => u.id)).toEqual([second.id, first.id]);
      expect(
        await store.uploads.get(scope, "00000000-0000-4000-8000-000000000000"),
      ).toBeUndefined();
      expect(await store.uploads.get(scope, "not-an-id")).toBeUndefined();
      // An upload with no raw rows has nothing for retention to delete.
      expect(first.rawRowsDeletedAt).toEqual(at("2026-03-01T00:00:00.000Z"));
    });

    it("refuses a sha256 that is not 64 lower-case hex digits", async () => {
      await expect(
        store.uploads.add(newScope(), { ...roster, sha256: "ABC" }, [], alice()),
      ).rejects.toThrow("sha256 must be 64 hex digits");
    });
  });

  describe("analyses and drafts", () => {
    const costAnalysis = {
      kind: "cost",
      inputs: { text: "150 named @ 70 vs 500 named @ 100", currency: "GBP" },
      // 500 × £100 × 12 = £600,000; 150 × £70 × 12 = £126,000
      outputs: { baseline: { minor: 60_000_000 }, proposal: { minor: 12_600_000 } },
      calculatorVersion: "cost@1",
    };

    it("stores inputs and outputs as JSON and lists newest first by kind", async () => {
      const scope = newScope();
      const older = await store.analyses.add(scope, costAnalysis, alice("2026-03-01T12:00:00Z"));
      const renewal = await store.analyses.add(
        scope,
        { ...costAnalysis, kind: "renewal", calculatorVersion: "renewal@1" },
        alice("2026-03-02T12:00:00Z"),
      );
      const newer = await store.analyses.add(scope, costAnalysis, alice("2026-03-03T12:00:00Z"));
      expect(await store.analyses.get(scope, older.id)).toEqual({
        id: older.id,
        scope,
        ...costAnalysis,
        createdBy: "U0ALICE",
        createdAt: at("2026-03-01T12:00:00Z"),
      });
      expect((await store.analyses.list(scope)).map((a) => a.id)).toEqual([
        newer.id,
        renewal.id,
        older.id,
      ]);
      expect((await store.analyses.list(scope, { kind: "cost" })).map((a) => a.id)).toEqual([
        newer.id,
        older.id,
      ]);
    });

    it("links an analysis to an upload and a draft to an analysis of the same channel", async () => {
      const scope = newScope();
      const upload = await store.uploads.add(
        scope,
        {
          fileName: "s.csv",
          sha256: SHA_A,
          kind: "sessions",
          rowsTotal: 0,
          rowsUsed: 0,
          rowsRejected: 0,
          errorSummary: [],
        },
        [],
        alice(),
      );
      const analysis = await store.analyses.add(
        scope,
        { ...costAnalysis, kind: "split", uploadId: upload.id },
        alice(),
      );
      expect(analysis.uploadId).toBe(upload.id);
      const draft = await store.drafts.add(
        scope,
        {
          kind: "ask",
          title: "Ask for the mixed plan",
          body: "We propose…",
          analysisId: analysis.id,
        },
        alice(),
      );
      expect(await store.drafts.get(scope, draft.id)).toEqual({
        id: draft.id,
        scope,
        kind: "ask",
        title: "Ask for the mixed plan",
        body: "We propose…",
        analysisId: analysis.id,
        createdBy: "U0ALICE",
        createdAt: at("2026-03-02T10:00:00.000Z"),
      });
      expect((await store.drafts.list(scope)).map((d) => d.id)).toEqual([draft.id]);
    });
  });

  describe("audit events", () => {
    it("records who did what, where and when, newest first", async () => {
      const scope = newScope();
      await store.audit.record(scope, { action: "deal.saved" }, alice("2026-03-01T00:00:00Z"));
      const e = await store.audit.record(
        scope,
        { action: "upload.read", detail: { rows: 388, kind: "sessions" } },
        alice("2026-03-02T00:00:00Z"),
      );
      expect(e).toEqual({
        id: expect.any(Number),
        scope,
        actor: "U0ALICE",
        action: "upload.read",
        detail: { rows: 388, kind: "sessions" },
        at: at("2026-03-02T00:00:00Z"),
      });
      expect((await store.audit.list(scope)).map((x) => x.action)).toEqual([
        "upload.read",
        "deal.saved",
      ]);
    });

    it("refuses an e-mail address in a detail (no personal data in the trail)", async () => {
      await expect(
        store.audit.record(
          newScope(),
          { action: "upload.read", detail: { who: "ann@example.com" } },
          alice(),
        ),
      ).rejects.toThrow("audit details must not hold personal data such as e-mail addresses");
    });
  });

  describe("channel isolation", () => {
    /** Channel A holds one of everything; the others are its neighbours. */
    async function fillChannel(scope: Scope) {
      await store.deals.save(scope, { vendor: "HaloITSM", currency: GBP }, alice());
      const upload = await store.uploads.add(
        scope,
        {
          fileName: "agents.csv",
          sha256: SHA_A,
          kind: "roster",
          rowsTotal: 1,
          rowsUsed: 1,
          rowsRejected: 0,
          errorSummary: [],
        },
        [{ email: "ann@example.com" }],
        alice(),
      );
      const analysis = await store.analyses.add(
        scope,
        { kind: "cost", inputs: {}, outputs: {}, calculatorVersion: "cost@1" },
        alice(),
      );
      const draft = await store.drafts.add(scope, { kind: "ask", title: "t", body: "b" }, alice());
      await store.audit.record(scope, { action: "deal.saved" }, alice());
      return { upload, analysis, draft };
    }

    it("a command in one channel can never read another channel's deal, uploads or analyses", async () => {
      const a = newScope("C0AAAA");
      const sameTeamOtherChannel = { teamId: a.teamId, channelId: "C0BBBB" };
      const sameChannelIdOtherTeam = { teamId: uniqueName("T"), channelId: a.channelId };
      const { upload, analysis, draft } = await fillChannel(a);

      for (const other of [sameTeamOtherChannel, sameChannelIdOtherTeam]) {
        expect(await store.deals.get(other)).toBeUndefined();
        expect(await store.uploads.get(other, upload.id)).toBeUndefined();
        expect(await store.uploads.list(other)).toEqual([]);
        expect(await store.uploads.findBySha256(other, SHA_A)).toBeUndefined();
        expect(await store.uploads.rawRows(other, upload.id)).toEqual([]);
        expect(await store.analyses.get(other, analysis.id)).toBeUndefined();
        expect(await store.analyses.list(other)).toEqual([]);
        expect(await store.drafts.get(other, draft.id)).toBeUndefined();
        expect(await store.drafts.list(other)).toEqual([]);
        expect(await store.audit.list(other)).toEqual([]);
        expect(await store.deals.remove(other)).toBe(false);
      }
      // Channel A still has everything.
      expect(await store.deals.get(a)).toBeDefined();
      expect(await store.uploads.rawRows(a, upload.id)).toEqual([{ email: "ann@example.com" }]);
    });

    it("refuses to link an analysis to another channel's upload", async () => {
      const a = newScope("C0AAAA");
      const { upload } = await fillChannel(a);
      await expect(
        store.analyses.add(
          { teamId: a.teamId, channelId: "C0BBBB" },
          {
            kind: "split",
            inputs: {},
            outputs: {},
            calculatorVersion: "split@1",
            uploadId: upload.id,
          },
          alice(),
        ),
      ).rejects.toThrow(/foreign key/);
    });

    it("refuses a missing or malformed scope instead of reading unscoped", async () => {
      await expect(store.deals.get({ teamId: "", channelId: "C1" })).rejects.toThrow(
        "store scope needs a team id and a channel id",
      );
      await expect(
        store.analyses.list({ teamId: "T1", channelId: "C1' OR '1'='1" }),
      ).rejects.toThrow("store scope needs a team id and a channel id");
    });

    it("forget deletes one channel's data, leaves its neighbours and is audited", async () => {
      const a = newScope("C0AAAA");
      const b = { teamId: a.teamId, channelId: "C0BBBB" };
      await fillChannel(a);
      const kept = await fillChannel(b);
      const result = await store.forget(a, { by: "U0ALICE", at: at("2026-04-01T00:00:00Z") });
      // One of each, and the one raw row of agents.csv.
      expect(result).toEqual({
        deals: 1,
        uploads: 1,
        rawRows: 1,
        analyses: 1,
        drafts: 1,
        offers: 0,
      });
      expect(await store.deals.get(a)).toBeUndefined();
      expect(await store.uploads.list(a)).toEqual([]);
      expect(await store.analyses.list(a)).toEqual([]);
      expect(await store.drafts.list(a)).toEqual([]);
      const trail = await store.audit.list(a);
      expect(trail[0]).toEqual({
        id: expect.any(Number),
        scope: a,
        actor: "U0ALICE",
        action: "channel.forgotten",
        detail: { deals: 1, uploads: 1, rawRows: 1, analyses: 1, drafts: 1, offers: 0 },
        at: at("2026-04-01T00:00:00Z"),
      });
      expect(await store.deals.get(b)).toBeDefined();
      expect(await store.analyses.get(b, kept.analysis.id)).toBeDefined();
      expect(await store.uploads.rawRows(b, kept.upload.id)).toHaveLength(1);
    });
  });

  describe("retention", () => {
    const summary = {
      fileName: "agents.csv",
      sha256: SHA_A,
      kind: "roster",
      rowsTotal: 2,
      rowsUsed: 2,
      rowsRejected: 0,
      errorSummary: [],
    };
    const twoRows = [{ email: "ann@example.com" }, { email: "bo@example.com" }];

    it("deletes raw rows older than N days, keeps the summary, audits each channel once", async () => {
      const a = newScope("C0AAAA");
      const b = { teamId: a.teamId, channelId: "C0BBBB" };
      const now = at("2026-05-01T00:00:00.000Z");
      // Cutoff = now − 30 × 24 h = 2026-04-01T00:00Z.
      const old = await store.uploads.add(a, summary, twoRows, alice("2026-03-31T23:59:59.000Z"));
      const fresh = await store.uploads.add(a, summary, twoRows, alice("2026-04-01T00:00:00.000Z"));
      const oldB = await store.uploads.add(b, summary, twoRows, alice("2026-02-01T00:00:00.000Z"));
      const other = await store.uploads.add(
        newScope(),
        summary,
        twoRows,
        alice("2020-01-01T00:00:00Z"),
      );

      const result = await store.applyRetention({ now, days: 30 });
      // At least old, oldB and other (the database may hold other tests' old uploads too).
      expect(result.cutoff).toEqual(at("2026-04-01T00:00:00.000Z"));
      expect(result.uploads).toBeGreaterThanOrEqual(3);
      expect(result.rawRows).toBeGreaterThanOrEqual(6);

      expect(await store.uploads.rawRows(a, old.id)).toEqual([]);
      expect(await store.uploads.rawRows(a, fresh.id)).toEqual(twoRows);
      expect(await store.uploads.rawRows(b, oldB.id)).toEqual([]);
      expect(await store.uploads.get(a, old.id)).toEqual({ ...old, rawRowsDeletedAt: now });
      expect(await store.uploads.get(a, fresh.id)).toEqual(fresh);
      expect(other.id).toBeDefined();

      const trailA = await store.audit.list(a);
      expect(trailA).toEqual([
        {
          id: expect.any(Number),
          scope: a,
          actor: "system:retention",
          action: "retention.raw_rows_deleted",
          detail: { uploads: 1, rawRows: 2, olderThanDays: 30 },
          at: now,
        },
      ]);
      expect((await store.audit.list(b)).map((e) => e.detail)).toEqual([
        { uploads: 1, rawRows: 2, olderThanDays: 30 },
      ]);

      // A second run at the same time finds nothing more to delete in these channels.
      await store.applyRetention({ now, days: 30 });
      expect(await store.audit.list(a)).toHaveLength(1);
      expect(await store.uploads.rawRows(a, fresh.id)).toEqual(twoRows);
    });

    it("refuses a retention period under one whole day", async () => {
      await expect(store.applyRetention({ now: new Date(0), days: 0 })).rejects.toThrow(
        "retention days must be a whole number, at least 1",
      );
    });
  });
});
