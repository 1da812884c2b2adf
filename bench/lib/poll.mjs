// Waiting on something no call announces (a job's state in the database): checked every 200 ms,
// bounded, so a run never hangs on it.
import { setTimeout as delay } from "node:timers/promises";

export async function poll(check, what, ms = 60_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await delay(200);
  }
}
