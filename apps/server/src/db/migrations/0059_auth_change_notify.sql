-- Session cache invalidation across instances (platform/auth.ts). Every instance keeps resolved
-- sessions in memory for a short while; any change to what a session resolves to (the session
-- itself, the user, their posts, certificates or organisation) notifies channel `onestop_auth` at
-- COMMIT, whichever path made it (an instance, the CLI, SQL by hand), and every listening instance
-- drops the affected cache entries. Payload: the session id for a session row, '*' for the rest.
-- The touch of `session.last_seen_at` (once a minute) and a login's counters on app_user do not notify.

CREATE FUNCTION onestop_auth_notify_session() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('onestop_auth', OLD.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION onestop_auth_notify_all() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('onestop_auth', '*');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER session_auth_notify AFTER DELETE OR UPDATE OF user_id, csrf_token ON session
  FOR EACH ROW EXECUTE FUNCTION onestop_auth_notify_session();
CREATE TRIGGER app_user_auth_notify
  AFTER UPDATE OF username, display_name, organization_id, must_change_password, active OR DELETE ON app_user
  FOR EACH STATEMENT EXECUTE FUNCTION onestop_auth_notify_all();
CREATE TRIGGER user_role_auth_notify AFTER INSERT OR UPDATE OR DELETE ON user_role
  FOR EACH STATEMENT EXECUTE FUNCTION onestop_auth_notify_all();
CREATE TRIGGER certificate_auth_notify AFTER INSERT OR UPDATE OR DELETE ON certificate
  FOR EACH STATEMENT EXECUTE FUNCTION onestop_auth_notify_all();
CREATE TRIGGER organization_auth_notify AFTER UPDATE ON organization
  FOR EACH STATEMENT EXECUTE FUNCTION onestop_auth_notify_all();
