-- Claims: which replica acts on a delivery Slack may send more than once (an event re-sent with
-- X-Slack-Retry-Num, a replayed slash command, a file announced by file_shared and by its message,
-- a job run twice). The first to insert a key acts; the others see the row and stay silent.
-- Keys are ids only (event ids, file ids, job ids), never text a user typed.
CREATE TABLE claims (
  team_id text NOT NULL,
  channel_id text NOT NULL,
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  claimed_at timestamptz NOT NULL,
  -- After this the key may be claimed again (and the daily sweep deletes the row).
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, channel_id, key)
);
CREATE INDEX claims_expires_idx ON claims (expires_at);
