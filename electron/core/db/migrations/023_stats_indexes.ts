/**
 * Indexes of the facility dashboard (统计看板, issue 14): admissions per month read the live files by admission date
 * (with the ward, for a ward reader's reach) from the index alone, and each current person's latest fitness grade is
 * one step of an index that carries the grade (voided_at is repeated in each index so SQLite reads them alone).
 * Never edit once shipped.
 */
export const sql = /* sql */ `
CREATE INDEX people_live_admission ON people (admission_date, ward_id, id, voided_at) WHERE voided_at IS NULL;
CREATE INDEX fitness_tests_person_latest ON fitness_tests (person_id, test_date, grade, voided_at) WHERE voided_at IS NULL;
`
