-- The statistical facts (0068) count the money paid on a case's obligations (0060): a payment recorded,
-- confirmed or refused marks the case for recomputation.
CREATE FUNCTION stat_mark_obligation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := to_jsonb(COALESCE(NEW, OLD));
BEGIN
  INSERT INTO stat_fact_dirty (case_id)
    SELECT ob.case_id FROM obligation ob
     WHERE ob.id = (r ->> TG_ARGV[0])::uuid AND ob.case_id IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER stat_obligation AFTER INSERT OR UPDATE ON obligation
  FOR EACH ROW EXECUTE FUNCTION stat_mark_obligation('id');
CREATE TRIGGER stat_obligation_payment AFTER INSERT OR UPDATE OR DELETE ON obligation_payment
  FOR EACH ROW EXECUTE FUNCTION stat_mark_obligation('obligation_id');
