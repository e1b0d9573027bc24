/**
 * The certificate roster (证书花名册, issue 12) over 20,000 certificates: its totals (people, certificates, per level)
 * are counted from one covering index of the live certificates instead of the table, and the filter lists (evaluation
 * bodies, occupations) and their filters read an index each. Migration 012 has only the issue date, course and person
 * indexes. Never edit once shipped.
 */
export const sql = /* sql */ `
CREATE INDEX certificates_live_totals ON certificates(issued_on, level, person_id, course_id, occupation, evaluation_body, voided_at) WHERE voided_at IS NULL;
CREATE INDEX certificates_occupation ON certificates(occupation, issued_on);
CREATE INDEX certificates_body ON certificates(evaluation_body, issued_on);
`
