-- Action states: what a button carries when it would not fit in Slack's 2,000-character value
-- (a long typed command to run again). The button carries only the row's random id; the row is
-- read back for a click in the same team and channel, and expires (the daily sweep deletes it).
CREATE TABLE action_states (
  team_id text NOT NULL,
  channel_id text NOT NULL,
  id text NOT NULL CHECK (length(id) BETWEEN 16 AND 64),
  state text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, channel_id, id)
);
CREATE INDEX action_states_expires_idx ON action_states (expires_at);
