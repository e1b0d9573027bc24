/**
 * Extensions record their approval date (批准日期) beside the document number. Extensions recorded before this step
 * keep NULL (shown as "—"): the date was never asked for and is not guessed. Never edit once shipped.
 */
export const sql = /* sql */ `
ALTER TABLE term_events ADD COLUMN approval_date TEXT CHECK (approval_date IS NULL OR kind = 'extension');
`
