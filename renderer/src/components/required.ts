/**
 * Marks a field's label as required. The asterisk is drawn by CSS (app.css), not a text node, so the label text stays
 * exactly the field name: screen readers and `getByLabel('姓名', { exact: true })` see "姓名", not "姓名 *".
 */
export const REQUIRED = { 'data-required': true } as const
