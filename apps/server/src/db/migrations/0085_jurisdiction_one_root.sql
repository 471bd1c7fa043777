-- One city-level (root) jurisdiction per deployment: the bureau's city, with the county-level
-- jurisdictions under it. POST /api/admin/jurisdictions checks it first (409 JURISDICTION_ROOT_EXISTS);
-- this index holds it against two concurrent requests.
CREATE UNIQUE INDEX IF NOT EXISTS jurisdiction_one_root ON jurisdiction ((true)) WHERE parent_id IS NULL;
