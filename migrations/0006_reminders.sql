-- Renewal reminders: posted to a deal's channel 30, 7 and 1 days before its start-by date and its
-- notice deadline (src/core/reminders.ts). Deleted by forget; what was scheduled, turned off and
-- posted is in the audit trail (ids and counts only).

-- The notice period of the channel's deal, in days (`/deal set notice 90`); NULL: not set.
ALTER TABLE deals ADD COLUMN notice_days integer CHECK (notice_days BETWEEN 0 AND 365);

CREATE TABLE reminders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id text NOT NULL,
  channel_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('start-by', 'notice')),
  deadline date NOT NULL,
  days_before integer NOT NULL CHECK (days_before IN (30, 7, 1)),
  due_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  -- Set, by one statement that only succeeds while it is NULL, just BEFORE the post: whichever
  -- replica sets it posts, and nobody (no other replica, no restart) ever posts it again.
  sent_at timestamptz,
  -- Why the post did not go through (a Slack error code such as not_in_channel); not retried.
  post_error text CHECK (length(post_error) <= 100),
  -- Turned off (`/deal reminders off`) before it was due.
  cancelled_at timestamptz,
  -- One reminder per deadline and day: a reschedule that lands on a reminder already posted
  -- inserts nothing, so moving a date back and forth never repeats one.
  UNIQUE (team_id, channel_id, kind, deadline, days_before)
);
CREATE INDEX reminders_due_idx ON reminders (due_at) WHERE sent_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX reminders_scope_idx ON reminders (team_id, channel_id, due_at);

-- A channel whose reminders were turned off; no row: on.
CREATE TABLE reminders_off (
  team_id text NOT NULL,
  channel_id text NOT NULL,
  off_by text NOT NULL,
  off_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, channel_id)
);
