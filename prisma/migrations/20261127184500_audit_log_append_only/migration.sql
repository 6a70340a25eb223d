-- The audit log is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE, so no
-- code path (nor a careless query in psql) can rewrite history. A superuser can still disable the
-- triggers, and the hash chain (checked by `npm run audit:verify`) is what catches that.
-- The function body is an E'' string with \073 for each semicolon because Prisma's offline
-- migration engine splits scripts on every semicolon, even inside dollar quotes.
CREATE OR REPLACE FUNCTION attest_audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''AuditLogEntry is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END\073';

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON "AuditLogEntry"
  FOR EACH ROW EXECUTE FUNCTION attest_audit_log_immutable();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "AuditLogEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION attest_audit_log_immutable();
