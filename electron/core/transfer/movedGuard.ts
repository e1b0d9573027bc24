import type { Db } from '../db/open'
import { readSetting } from '../db/settingsRepo'

/**
 * A workstation whose database was exported to the facility server (export-package) stops taking changes: what is
 * saved here after the export would never reach the server. Sign-in and backups go on; everything else that writes is
 * refused with the export's date until `export-package --cancel` (an export made by mistake).
 */
export function movedToServer(db: Db): { exportedAt: string; packageId: string } | null {
  return readSetting(db, 'transfer.exported')
}

export function writableAfterMove(method: string): boolean {
  return method.startsWith('auth:') || method.startsWith('backup:')
}
