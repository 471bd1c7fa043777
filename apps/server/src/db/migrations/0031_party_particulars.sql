-- Party particulars the document model texts print (issue #13): a natural person's ethnicity
-- (民族, where the model asks), the post of an employer's 法定代表人/主要负责人, and each party's agents
-- in a matter with their authority ([{name, identity, authority}], 特别授权 / 一般授权).
ALTER TABLE party ADD COLUMN ethnicity text CHECK (ethnicity IS NULL OR length(ethnicity) BETWEEN 1 AND 20);
ALTER TABLE party ADD COLUMN legal_representative_post text
  CHECK (legal_representative_post IS NULL OR length(legal_representative_post) BETWEEN 1 AND 50);
ALTER TABLE matter_party ADD COLUMN agents jsonb NOT NULL DEFAULT '[]'::jsonb;
