-- An employer reaches its matters on the portal only through a representative code (单位代表码)
-- issued by staff (printed on the 应诉通知书 or sent to the employer's verified contact) and
-- redeemed once by a signed-in portal account. Contact phones typed into an application never
-- grant access.
CREATE TABLE portal_representative_code (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id uuid NOT NULL REFERENCES matter(id),
  party_id uuid NOT NULL REFERENCES party(id),
  code_hash text NOT NULL UNIQUE,
  issued_by uuid NOT NULL REFERENCES app_user(id),
  issued_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  redeemed_by uuid REFERENCES portal_account(id),
  redeemed_at timestamptz
);
CREATE INDEX portal_representative_code_matter ON portal_representative_code (matter_id);

CREATE TABLE portal_representation (
  account_id uuid NOT NULL REFERENCES portal_account(id),
  matter_id uuid NOT NULL REFERENCES matter(id),
  party_id uuid NOT NULL REFERENCES party(id),
  code_id uuid NOT NULL REFERENCES portal_representative_code(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, matter_id, party_id)
);
CREATE INDEX portal_representation_matter ON portal_representation (matter_id);
