-- A clock whose period reaches into a year without holiday data is not refused: it runs with a
-- provisional due date (the earliest the period can end: every day counted, no roll-over) and is
-- recomputed as soon as an administrator enters that year's notice. Never silently weekdays-only.
ALTER TABLE clock ADD COLUMN calendar_pending_year integer;
CREATE INDEX clock_calendar_pending_idx ON clock (calendar_pending_year) WHERE calendar_pending_year IS NOT NULL;
