-- Issue #13: party particulars frozen at issue. The render model's master-record part (案号, parties'
-- particulars, tribunal, defence, violations) is taken when a document is issued and stored with it,
-- encrypted (it holds addresses and ID numbers: 《个人信息保护法》第五十一条), so an issued document
-- renders the same particulars after a party's address changes. Drafts read the live record (NULL).
ALTER TABLE document ADD COLUMN context_enc text;
