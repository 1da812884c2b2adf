-- Offer history: each round of offers in a channel's negotiation (who offered what, when), and
-- our target and walk-away, which the rounds are measured against. Deleted by `forget`.
-- kind 'round' rows are numbered 1, 2, 3… per channel; 'target' and 'walk-away' are one row each,
-- replaced when set again. Levers are a validated JSON object (src/store/offers.ts): seats, rates
-- per user per month in minor units of `currency`, tiers, cap, term, implementation.
-- offered_by_name is what someone typed after `by` (a company or a person): never in the audit trail.
CREATE TABLE offers (
  team_id text NOT NULL,
  channel_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('round', 'target', 'walk-away')),
  round integer CHECK (round >= 1),
  offered_on date,
  offered_by text CHECK (offered_by IN ('us', 'vendor', 'named')),
  offered_by_name text CHECK (length(offered_by_name) BETWEEN 1 AND 100),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  levers jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK ((kind = 'round') = (round IS NOT NULL AND offered_on IS NOT NULL AND offered_by IS NOT NULL)),
  CHECK ((offered_by = 'named') = (offered_by_name IS NOT NULL))
);
CREATE UNIQUE INDEX offers_round_idx ON offers (team_id, channel_id, round) WHERE kind = 'round';
CREATE UNIQUE INDEX offers_position_idx ON offers (team_id, channel_id, kind) WHERE kind <> 'round';
