-- Each audit entry records how its hash was computed. Entries written before this migration were
-- chained with plain SHA-256 and keep "sha256"; the application writes "hmac-sha256" (keyed with a
-- secret kept outside the database) from now on. ADD COLUMN with a default does not rewrite rows,
-- so the append-only triggers are not involved. See docs/security/audit-log.md.
-- AlterTable
ALTER TABLE "AuditLogEntry" ADD COLUMN     "scheme" TEXT NOT NULL DEFAULT 'sha256';
