-- The audit log stays append-only, except for the entries an anchor covers: those reached the end
-- of their retention period, and the anchor keeps the hash the first entry kept links to
-- (server/audit/audit-trim.ts). The anchors themselves are never changed or removed.
DROP TRIGGER audit_log_no_delete;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN OLD.id > (SELECT COALESCE(MAX(through_id), 0) FROM audit_anchor)
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE ON audit_anchor
BEGIN
  SELECT RAISE(ABORT, 'the audit log''s anchors are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor
BEGIN
  SELECT RAISE(ABORT, 'the audit log''s anchors are append-only');
END;
