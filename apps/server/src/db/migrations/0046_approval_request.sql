-- Approvals made by the approver's own action (issue #13 item 1: "approvals (审批表) made only by a
-- user holding the approving post, signed by that user's own action"). A handler asks for an approval;
-- it waits on the 工作台 of the users holding approver_role in the subject's jurisdiction; one of them
-- (never the requester) approves or rejects it in the app, and the internal form (审批表) is issued
-- with that user's name and the date of that action. Used by the arbitration 立案审批表 and 仲裁结案审批表.
CREATE TABLE approval_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  subject_type text NOT NULL CHECK (subject_type IN ('case', 'matter')),
  subject_id uuid NOT NULL,
  subject_label text NOT NULL,
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  approver_role text NOT NULL,
  summary text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
  requested_by uuid NOT NULL REFERENCES app_user(id),
  requested_by_name text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES app_user(id),
  decided_by_name text,
  decided_at timestamptz,
  decision_comment text,
  document_id uuid REFERENCES document(id),
  version integer NOT NULL DEFAULT 1
);
-- One pending request of a kind per subject.
CREATE UNIQUE INDEX approval_request_pending_idx ON approval_request (kind, subject_id) WHERE state = 'pending';
CREATE INDEX approval_request_state_idx ON approval_request (state, approver_role);
