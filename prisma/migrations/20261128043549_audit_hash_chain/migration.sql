-- AlterTable
ALTER TABLE "audit_logs" ADD COLUMN     "hash" BYTEA,
ADD COLUMN     "prev_hash" BYTEA;

-- The text a row's hash covers: every column the application writes, in a fixed order.
CREATE FUNCTION audit_row_text(r audit_logs) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|', r.id, to_char(r.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS'), r.actor_type, coalesce(r.actor_id, ''),
                   r.action, coalesce(r.subject_person_id::text, ''), coalesce(r.reason, ''),
                   coalesce(r.details::text, ''), coalesce(r.ip, ''))
$$;

-- Chains every new row to the one before it. The id is taken under the lock, so id order is chain order.
CREATE FUNCTION audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(7261128);
  NEW.id := nextval(pg_get_serial_sequence('audit_logs', 'id'));
  SELECT hash INTO previous FROM audit_logs ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := previous;
  NEW.hash := sha256(coalesce(previous, ''::bytea) || convert_to(audit_row_text(NEW), 'UTF8'));
  RETURN NEW;
END;
$$;

-- Rows written before the chain existed get chained once, in id order.
ALTER TABLE "audit_logs" DISABLE TRIGGER audit_logs_append_only;
DO $$
DECLARE
  r audit_logs;
  previous bytea := NULL;
BEGIN
  FOR r IN SELECT * FROM audit_logs ORDER BY id LOOP
    UPDATE audit_logs SET prev_hash = previous,
      hash = sha256(coalesce(previous, ''::bytea) || convert_to(audit_row_text(r), 'UTF8'))
      WHERE id = r.id RETURNING hash INTO previous;
  END LOOP;
END;
$$;
ALTER TABLE "audit_logs" ENABLE TRIGGER audit_logs_append_only;

CREATE TRIGGER audit_logs_chain BEFORE INSERT ON "audit_logs" FOR EACH ROW EXECUTE FUNCTION audit_chain();
