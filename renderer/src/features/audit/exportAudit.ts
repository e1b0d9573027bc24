import type { AuditExport, AuditLogRow } from '@shared/contract'
import { formatInstant } from '../../lib/format'
import { describeDetail, type HasKey, type Translate } from './auditDetail'

/** The subject of a row as text: the person's or staff member's name, the ward's name, or the kind of record. */
function subject(row: AuditLogRow, data: AuditExport, t: Translate, hasKey: HasKey): string {
  if (!row.recordType) return ''
  const typeKey = `audit.recordTypes.${row.recordType}`
  const type = hasKey(typeKey) ? t(typeKey) : row.recordType
  const id = row.recordId
  if (!id) return type
  if (row.recordType === 'person') return `${type} ${data.names.people[id]?.name ?? t('audit.unknownPerson')}`
  if (row.recordType === 'staff') return `${type} ${data.names.staff[id] ?? t('audit.unknownStaff')}`
  if (row.recordType === 'ward') return `${type} ${data.names.wards[id] ?? t('audit.unknownWard')}`
  return type
}

/**
 * The exported rows as an .xlsx workbook, in the words the page shows (names, readable details, a count for collapsed
 * reads). exceljs is loaded only here, when someone exports.
 */
export async function auditWorkbook(data: AuditExport, t: Translate, hasKey: HasKey): Promise<Uint8Array> {
  const { Workbook } = (await import('exceljs')).default
  const workbook = new Workbook()
  const sheet = workbook.addWorksheet(t('audit.export.sheet'))
  sheet.columns = [
    { header: t('audit.seq'), key: 'seq', width: 10 },
    { header: t('audit.at'), key: 'at', width: 18 },
    { header: t('audit.actor'), key: 'actor', width: 14 },
    { header: t('audit.method'), key: 'method', width: 20 },
    { header: t('audit.export.count'), key: 'count', width: 8 },
    { header: t('audit.target'), key: 'subject', width: 20 },
    { header: t('audit.detail'), key: 'detail', width: 60 },
  ]
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const row of data.rows) {
    const methodKey = `methods.${row.method}`
    sheet.addRow({
      seq: row.seq,
      at: formatInstant(row.at),
      actor: (row.actorId ? data.names.staff[row.actorId] : undefined) ?? row.actorName ?? t('audit.system'),
      method: hasKey(methodKey) ? t(methodKey) : row.method,
      count: row.count,
      subject: subject(row, data, t, hasKey),
      detail: describeDetail(row, data.names, t, hasKey) ?? '',
    })
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
