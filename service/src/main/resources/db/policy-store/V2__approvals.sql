-- What a version was published from: the version its draft was based on (null for the first version and for those
-- published before this was recorded), and, under four eyes (decision.policy.approvals-required), who approved the
-- draft, when and why (null where no approval was required).
alter table policy_version
    add column based_on         text,
    add column approved_by      text,
    add column approved_at      timestamptz,
    add column approval_comment text;
