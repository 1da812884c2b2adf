-- dealdesk store, first schema. Append-only: never edit this file once applied; add 0002_… instead.
-- Every table carries team_id + channel_id (the Slack scope) and every query filters by both.
-- Money is integer minor units (bigint) in the deal's currency; rates are per user per month.

CREATE TABLE deals (
  team_id text NOT NULL,
  channel_id text NOT NULL,
  vendor text NOT NULL CHECK (length(vendor) BETWEEN 1 AND 200),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  named_rate_minor bigint CHECK (named_rate_minor >= 0),
  concurrent_rate_minor bigint CHECK (concurrent_rate_minor >= 0),
  tiers jsonb,
  term_years integer CHECK (term_years BETWEEN 1 AND 10),
  cap jsonb,
  renewal_date date,
  notes text CHECK (length(notes) <= 4000),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, channel_id)
);

CREATE TABLE uploads (
  id uuid PRIMARY KEY,
  team_id text NOT NULL,
  channel_id text NOT NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  kind text NOT NULL,
  rows_total integer NOT NULL CHECK (rows_total >= 0),
  rows_used integer NOT NULL CHECK (rows_used >= 0),
  rows_rejected integer NOT NULL CHECK (rows_rejected >= 0),
  error_summary jsonb NOT NULL DEFAULT '[]',
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL,
  -- Set when retention (or nothing to keep) removed the raw rows; the summary above stays.
  raw_rows_deleted_at timestamptz,
  -- Lets other tables point at an upload only within the same channel (composite foreign keys).
  UNIQUE (id, team_id, channel_id)
);
CREATE INDEX uploads_scope_idx ON uploads (team_id, channel_id, uploaded_at DESC);
CREATE INDEX uploads_retention_idx ON uploads (uploaded_at) WHERE raw_rows_deleted_at IS NULL;

-- Raw roster / session rows as read from the file: personal data, deleted by retention and forget.
CREATE TABLE upload_rows (
  upload_id uuid NOT NULL,
  team_id text NOT NULL,
  channel_id text NOT NULL,
  row_number integer NOT NULL CHECK (row_number >= 1),
  data jsonb NOT NULL,
  PRIMARY KEY (upload_id, row_number),
  FOREIGN KEY (upload_id, team_id, channel_id) REFERENCES uploads (id, team_id, channel_id)
);

CREATE TABLE analyses (
  id uuid PRIMARY KEY,
  team_id text NOT NULL,
  channel_id text NOT NULL,
  kind text NOT NULL,
  inputs jsonb NOT NULL,
  outputs jsonb NOT NULL,
  calculator_version text NOT NULL,
  upload_id uuid,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (id, team_id, channel_id),
  FOREIGN KEY (upload_id, team_id, channel_id) REFERENCES uploads (id, team_id, channel_id)
);
CREATE INDEX analyses_scope_idx ON analyses (team_id, channel_id, created_at DESC);

CREATE TABLE drafts (
  id uuid PRIMARY KEY,
  team_id text NOT NULL,
  channel_id text NOT NULL,
  kind text NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text NOT NULL,
  analysis_id uuid,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (analysis_id, team_id, channel_id) REFERENCES analyses (id, team_id, channel_id)
);
CREATE INDEX drafts_scope_idx ON drafts (team_id, channel_id, created_at DESC);

-- Who did what, where, when. Kept when a channel is forgotten (it records the forgetting);
-- detail holds counts and ids, never personal data.
CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id text NOT NULL,
  channel_id text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL
);
CREATE INDEX audit_events_scope_idx ON audit_events (team_id, channel_id, at DESC);
