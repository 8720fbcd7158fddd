-- portal_app: the role the web application connects as (issue 9, item 9). Migrations, the seed, the
-- crediting batch and ledger:check run as the owner; the app can only do what it needs:
--   * postings, entries, audit_logs: SELECT and INSERT only (the ledger and the audit trail are
--     append-only; the triggers in the migrations refuse UPDATE/DELETE too, TRUNCATE only privileges stop);
--   * money tables (accounts, settlements, unit months, contribution lines, payments, credit runs):
--     SELECT, INSERT, UPDATE, no DELETE (accounts.balance_fen is updated by post-journals.ts);
--   * every other table: SELECT, INSERT, UPDATE, DELETE; sequences: USAGE, SELECT; functions: EXECUTE;
--   * not the owner of anything, so it cannot ALTER, DROP, disable triggers or TRUNCATE; no superuser, so it
--     cannot SET session_replication_role either.
-- Apply it as the owner after every `prisma migrate deploy` (scripts/lib/app-role.ts does); running it
-- again changes nothing. It sets no password: the caller does (ALTER ROLE portal_app PASSWORD …).

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_app') THEN
    CREATE ROLE portal_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created by a concurrent run
END
$$;

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_app' AND (rolsuper OR rolbypassrls OR rolcreaterole)) THEN
    RAISE EXCEPTION 'portal_app must not be a superuser or bypass row security or create roles';
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO portal_app', current_database());
END
$$;

GRANT USAGE ON SCHEMA public TO portal_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portal_app;
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM portal_app;
REVOKE ALL ON TABLE _prisma_migrations FROM portal_app;
REVOKE UPDATE, DELETE ON TABLE postings, entries, audit_logs FROM portal_app;
REVOKE DELETE ON TABLE accounts, settlements, unit_months, contribution_lines, unit_payments, payment_allocations, credit_runs
  FROM portal_app;

GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO portal_app;
REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM portal_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO portal_app;

-- Tables, sequences and functions later migrations create (as the role running this file).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portal_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO portal_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO portal_app;
