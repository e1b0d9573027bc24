/**
 * Backup file names, the folder's listing and rotation. A backup is a pair in one folder:
 * `xinsheng-2026-11-30-1605.db` (or `.db.enc` when encrypted) and `xinsheng-2026-11-30-1605.manifest.json`, named with
 * the facility-local date and time so a person choosing a file on a USB stick reads when it was made.
 */
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { FACILITY_TIME_ZONE } from '../context'

const NAME = /^xinsheng-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(?:-(\d+))?\.db(\.enc)?$/

/** `2026-11-30-1605`: the facility-local date and minute of an instant. */
export function facilityStamp(at: Date, timeZone = FACILITY_TIME_ZONE): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}-${parts.hour}${parts.minute}`
}

/** The facility-local calendar date of an instant (`2026-11-30`). */
export const facilityDate = (at: Date): string => facilityStamp(at).slice(0, 10)

/** Whether a file name is one of ours (a backup's database file, plain or encrypted). */
export const isBackupFileName = (name: string): boolean => NAME.test(name)

/** The manifest beside a backup file: the same name with `.manifest.json` instead of `.db` / `.db.enc`. */
export function manifestPathFor(backupFile: string): string {
  return join(dirname(backupFile), basename(backupFile).replace(/\.db(\.enc)?$/, '') + '.manifest.json')
}

/** A free name for a backup made at `at` in `folder` (a second backup in the same minute gets `-2`, `-3`, …). */
export function newBackupPath(folder: string, at: Date, encrypted: boolean): string {
  const stamp = facilityStamp(at)
  const ext = encrypted ? '.db.enc' : '.db'
  for (let n = 1; ; n++) {
    const name = `xinsheng-${stamp}${n === 1 ? '' : `-${n}`}${ext}`
    const path = join(folder, name)
    if (!existsSync(path) && !existsSync(manifestPathFor(path))) return path
  }
}

/** Sort key of a backup name: its stamp and its same-minute counter, so names sort in the order they were made. */
function orderKey(name: string): string {
  const m = NAME.exec(name)
  if (!m) return ''
  return `${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}-${(m[6] ?? '1').padStart(4, '0')}`
}

/** Backup files (of our naming) in `folder`, newest first; a missing folder has none. */
export function backupFilesIn(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter(isBackupFileName)
    .sort((a, b) => orderKey(b).localeCompare(orderKey(a)))
    .map((name) => join(folder, name))
}

/** Which backups rotation removes: all but the `keep` newest (names newest first, as backupFilesIn gives them). */
export function rotationVictims(newestFirst: readonly string[], keep: number): string[] {
  return newestFirst.slice(Math.max(0, keep))
}

/** Why a folder cannot take backups (missing, not a folder, not writable), or null when it can. */
export function folderProblem(folder: string): 'backup.folder_missing' | 'backup.folder_not_dir' | 'backup.folder_not_writable' | null {
  if (!existsSync(folder)) return 'backup.folder_missing'
  if (!statSync(folder).isDirectory()) return 'backup.folder_not_dir'
  try {
    accessSync(folder, constants.W_OK)
  } catch {
    return 'backup.folder_not_writable'
  }
  return null
}

/** Where a database's backups go when no folder was chosen: a `backups` folder beside it. */
export const defaultBackupFolder = (dbFile: string): string => join(dirname(dbFile), 'backups')
