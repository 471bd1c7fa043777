-- Why the system acted, in the audit log too (platform/system.ts `systemActor(reason)`): until now only
-- the matter timeline kept the reason (0074). A row written by a job or sweep names its reason; a
-- person's row cannot carry one. Part of the row's hash when present (platform/audit.ts), so older rows
-- (no reason) keep their hashes.
ALTER TABLE audit_log ADD COLUMN actor_reason text;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_reason_system
  CHECK (actor_reason IS NULL OR (actor_id IS NULL AND actor_role = 'system'));
