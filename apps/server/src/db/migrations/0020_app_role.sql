-- The application runs as onestop_app (SET ROLE after migrations, see db/database.ts): it may read
-- and write business tables but only SELECT/INSERT the audit log and advance stream heads. It owns
-- nothing, so it cannot disable the append-only triggers, TRUNCATE, or alter the schema.
-- Migrations and the command line keep running as the connecting owner. Roles are global to the
-- PostgreSQL cluster: creating it tolerates another database having created it first.
DO $$
BEGIN
  CREATE ROLE onestop_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'onestop_app', 'MEMBER') THEN
    EXECUTE format('GRANT onestop_app TO %I', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO onestop_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO onestop_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO onestop_app;
REVOKE UPDATE, DELETE ON audit_log FROM onestop_app;
REVOKE INSERT, UPDATE, DELETE ON audit_stream FROM onestop_app;
GRANT UPDATE (seq, hash) ON audit_stream TO onestop_app;
REVOKE INSERT, UPDATE, DELETE ON schema_migration FROM onestop_app;

-- Tables and sequences added by later migrations (run by the same owner) get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO onestop_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO onestop_app;
