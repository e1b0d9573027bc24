import { verifyAudit } from '../../audit/auditLog'
import { openDatabase } from '../../db/open'
import { parseOptions, requireDb, type CliCommand } from '../command'

export const auditVerifyCommand: CliCommand = {
  name: 'audit-verify',
  help: "audit-verify --db FILE                                 verify the audit log's hash chain",
  run(args) {
    const values = parseOptions(args, { db: { type: 'string' } })
    const db = openDatabase(requireDb(values.db), { migrate: false })
    try {
      const r = verifyAudit(db)
      return { out: r, code: r.ok ? 0 : 1 }
    } finally {
      db.close()
    }
  },
}
