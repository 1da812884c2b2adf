// Scenario: replicas started at the same moment on a database nothing has used yet, as a first
// deployment (or a fresh environment) starts them. Each trial creates its own database and
// starts two servers at once; both must come up. (The other PostgreSQL scenarios start their
// replicas one after the other, so this one alone decides this figure.)
import { postgresStore, serverEnv } from "../bench-env.mjs";
import { startServer } from "../server-process.mjs";

const TRIALS = 6;

export async function startTogether({ loopback }) {
  const lines = [];
  const broken = [];
  let up = 0;
  const failures = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const store = await postgresStore();
    try {
      const started = await Promise.allSettled(
        ["sa", "sb"].map((tag) =>
          startServer(`${tag}${trial}`, serverEnv(loopback, loopback.apiUrlFor(tag), store)),
        ),
      );
      if (started.every((s) => s.status === "fulfilled")) up++;
      for (const s of started) {
        if (s.status === "rejected") {
          // The server's own last line (ids and error text only, never secrets: main.ts prints it).
          const last = String(s.reason?.message ?? s.reason)
            .split("\n")
            .filter(Boolean)
            .at(-1);
          failures.push(last ?? "no output");
        }
      }
      await Promise.all(
        started.filter((s) => s.status === "fulfilled").map((s) => s.value.stop("SIGTERM", 30_000)),
      );
    } finally {
      await store.drop();
    }
  }
  lines.push(
    `two replicas started at once on a fresh PostgreSQL database: both up in ${up} of ${TRIALS} trials${failures.length ? `; a replica that failed said: ${[...new Set(failures)].join(" | ")}` : ""}`,
  );
  if (up < TRIALS) broken.push(`a replica failed to start in ${TRIALS - up} of ${TRIALS} trials`);
  return { lines, broken };
}
