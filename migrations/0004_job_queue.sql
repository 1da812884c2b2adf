-- The embedded job queue (PGlite, one process): a shared file waiting for its analysis survives a
-- restart, and a job that was running when the process was killed runs again at the next start.
-- On a PostgreSQL server pg-boss keeps the queue in its own schema and this table stays empty.
-- Data is ids and settings only (team, channel, file, progress message), never file contents.
CREATE TABLE job_queue (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CHECK (name ~ '^[a-z][a-z0-9-]{0,62}$'),
  data jsonb NOT NULL,
  -- queued: waiting (or given back); active: running now, or when the process last died.
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'active')),
  -- Runs started; a job whose runs exceed retry_limit + 1 is dropped and reported.
  attempts integer NOT NULL DEFAULT 0,
  retry_limit integer NOT NULL DEFAULT 0 CHECK (retry_limit >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_queue_next_idx ON job_queue (state, id);
