/**
 * Ward scoping (包队责任制, issue 10): a staff member is responsible for any number of wards — a counsellor or a trainer
 * often covers two or three, an officer may stand in for a neighbouring ward. staff_wards replaces the single
 * staff.ward_id, which is copied over and then cleared (SQLite cannot drop a column a foreign key names; it is no longer
 * read or written). Never edit once shipped.
 */
export const sql = /* sql */ `
CREATE TABLE staff_wards (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  ward_id TEXT NOT NULL REFERENCES wards(id),
  PRIMARY KEY (staff_id, ward_id)
) STRICT, WITHOUT ROWID;

INSERT INTO staff_wards (staff_id, ward_id) SELECT id, ward_id FROM staff WHERE ward_id IS NOT NULL;
UPDATE staff SET ward_id = NULL WHERE ward_id IS NOT NULL;
`
