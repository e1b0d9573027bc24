/**
 * Audit log filters (issue 8): the log grows to millions of rows, and each filter of the audit page must be answered
 * from an index that also gives the newest-first order. Each index ends in `at`, and SQLite appends the rowid (seq),
 * so rows come out in (at, seq) order for a LIMIT without a sort. The old (record_type, record_id) index is a prefix
 * of the new record index and is dropped.
 */
export const sql = /* sql */ `
DROP INDEX audit_record;
CREATE INDEX audit_record_at ON audit_log(record_type, record_id, at);
CREATE INDEX audit_actor_at ON audit_log(actor_id, at);
CREATE INDEX audit_method_at ON audit_log(method, at);
CREATE INDEX audit_at ON audit_log(at);
`
