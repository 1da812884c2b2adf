// The large shared file of the Slack benchmarks: a seeded session log of ≈16 MB (bench/
// generate-org.mjs), which the server analyses in several seconds with a channel's rates set,
// and a small one (400 people, four weeks) for scenarios that need an answer, not a load.
import { organisation, sessionsCsv } from "../generate-org.mjs";

const encode = (sessions) => new TextEncoder().encode(sessionsCsv(sessions));

/** 245,000 sessions of 2,400 people over 330 days: 16.1 MB of CSV. */
export function largeSessionLog() {
  return encode(organisation({ users: 2400, days: 330, maxRows: 245_000 }));
}

export function smallSessionLog() {
  return encode(organisation({ users: 400, days: 28 }));
}
