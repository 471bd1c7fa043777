-- Statistical facts (统计报表, issue #18): one row per track case (and one more for the commission's
-- pre-arbitration mediation of an arbitration case), computed from the master record by
-- modules/statistics/statistics.facts.ts and kept current by the triggers below, so a table for a year
-- reads flat rows instead of re-deriving every case from its events, clocks and awards on each request.

CREATE TABLE stat_case_fact (
  case_id uuid NOT NULL REFERENCES track_case(id),
  -- 0: the case in its own track; 1: the commission's pre-arbitration mediation (先行调解) of an arbitration case.
  part smallint NOT NULL CHECK (part IN (0, 1)),
  track text NOT NULL,
  -- For the order of lists (the case number, then the part).
  case_number text NOT NULL,
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  -- Copied from track_case: the period filter (opened by the period's end, not closed before its start).
  opened_at timestamptz NOT NULL,
  closed_at timestamptz,
  -- The typed CaseFact of the domain package (packages/domain/src/statistics/facts.ts).
  fact jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, part)
);
CREATE INDEX stat_case_fact_scope_idx ON stat_case_fact (track, jurisdiction_id, opened_at);

-- Cases whose facts must be recomputed. Append-only without a unique key, so concurrent writers never wait
-- on each other here (no lock order to deadlock on); the refresh reads the distinct ids up to a mark and
-- deletes up to it.
CREATE TABLE stat_fact_dirty (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL
);

CREATE FUNCTION stat_mark_case() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := to_jsonb(COALESCE(NEW, OLD));
BEGIN
  IF TG_ARGV[1] IS NOT NULL AND r ->> 'subject_type' IS DISTINCT FROM TG_ARGV[1] THEN
    RETURN NULL;
  END IF;
  INSERT INTO stat_fact_dirty (case_id) VALUES ((r ->> TG_ARGV[0])::uuid);
  RETURN NULL;
END
$$;

CREATE FUNCTION stat_mark_matter() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := to_jsonb(COALESCE(NEW, OLD));
BEGIN
  INSERT INTO stat_fact_dirty (case_id)
    SELECT tc.id FROM track_case tc WHERE tc.matter_id = (r ->> TG_ARGV[0])::uuid;
  RETURN NULL;
END
$$;

CREATE FUNCTION stat_mark_party() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.name IS DISTINCT FROM OLD.name OR NEW.migrant_worker IS DISTINCT FROM OLD.migrant_worker THEN
    INSERT INTO stat_fact_dirty (case_id)
      SELECT tc.id FROM matter_party mp JOIN track_case tc ON tc.matter_id = mp.matter_id
       WHERE mp.party_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER stat_track_case AFTER INSERT OR UPDATE ON track_case
  FOR EACH ROW EXECUTE FUNCTION stat_mark_case('id');
CREATE TRIGGER stat_case_event AFTER INSERT ON case_event
  FOR EACH ROW EXECUTE FUNCTION stat_mark_case('case_id');
CREATE TRIGGER stat_case_claim AFTER INSERT OR UPDATE OR DELETE ON case_claim
  FOR EACH ROW EXECUTE FUNCTION stat_mark_case('case_id');
CREATE TRIGGER stat_arbitration_application AFTER INSERT OR UPDATE ON arbitration_application
  FOR EACH ROW EXECUTE FUNCTION stat_mark_case('case_id');
CREATE TRIGGER stat_arbitration_award AFTER INSERT OR UPDATE OR DELETE ON arbitration_award
  FOR EACH ROW EXECUTE FUNCTION stat_mark_case('case_id');
CREATE TRIGGER stat_mediation_case AFTER INSERT OR UPDATE ON mediation_case
  FOR EACH ROW EXECUTE FUNCTION stat_mark_case('case_id');
CREATE TRIGGER stat_mediation_proposal_item AFTER INSERT OR UPDATE OR DELETE ON mediation_proposal_item
  FOR EACH ROW EXECUTE FUNCTION stat_mark_case('case_id');
CREATE TRIGGER stat_inspection_case AFTER INSERT OR UPDATE ON inspection_case
  FOR EACH ROW EXECUTE FUNCTION stat_mark_case('case_id');
CREATE TRIGGER stat_inspection_outcome AFTER INSERT OR UPDATE OR DELETE ON inspection_outcome
  FOR EACH ROW EXECUTE FUNCTION stat_mark_case('case_id');
CREATE TRIGGER stat_clock AFTER INSERT OR UPDATE ON clock
  FOR EACH ROW EXECUTE FUNCTION stat_mark_case('subject_id', 'case');
CREATE TRIGGER stat_matter AFTER UPDATE ON matter
  FOR EACH ROW EXECUTE FUNCTION stat_mark_matter('id');
CREATE TRIGGER stat_matter_claim AFTER INSERT OR UPDATE ON matter_claim
  FOR EACH ROW EXECUTE FUNCTION stat_mark_matter('matter_id');
CREATE TRIGGER stat_matter_party AFTER INSERT OR UPDATE OR DELETE ON matter_party
  FOR EACH ROW EXECUTE FUNCTION stat_mark_matter('matter_id');
CREATE TRIGGER stat_party AFTER UPDATE ON party
  FOR EACH ROW EXECUTE FUNCTION stat_mark_party();

-- Every existing case is computed by the first statistics request (or the refresh job).
INSERT INTO stat_fact_dirty (case_id) SELECT id FROM track_case;
