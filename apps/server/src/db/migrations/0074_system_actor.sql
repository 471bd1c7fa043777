-- The system actor (platform/system.ts): a timeline row written by a job or by one module on another's
-- behalf records the system as its actor (actor_id NULL, actor_name 系统) and why it acted.
ALTER TABLE matter_event ADD COLUMN actor_reason text;
ALTER TABLE matter_event ADD CONSTRAINT matter_event_actor_reason_system
  CHECK (actor_reason IS NULL OR actor_id IS NULL);
