/**
 * Staff accounts and wards carry a revision, so an edit names the version its form showed and a change made by
 * someone else in between is refused instead of silently overwritten (issue 10 §4). Never edit once shipped.
 */
export const sql = /* sql */ `
ALTER TABLE staff ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE wards ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
`
