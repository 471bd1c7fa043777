-- The enforcement application pack (issue #21): with the 强制执行申请书 the body that made the award or
-- 调解书 issues a 送达及生效证明书 (service, effect, payments recorded); the pack is the application, the
-- document enforced and that certificate bound into one PDF.
ALTER TABLE obligation ADD COLUMN next_step_certificate_id uuid REFERENCES document(id);
