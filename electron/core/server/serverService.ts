/**
 * The administrator's view of the server (issue 15): database and WAL size, the newest backup, who is signed in, open
 * event streams; ending sessions; the session limits. The same on a single workstation (mode 'embedded').
 */
import { existsSync, statSync } from 'node:fs'
import type { ServerHealth, serverContract } from '../../shared/contract/server'
import { actorOf, nowIso, type Ctx } from '../context'
import { staffById } from '../auth/staffRepo'
import { APP_VERSION } from '../backup/backupJob'
import { effectiveFolder } from '../backup/backupRuntime'
import { listBackups } from '../backup/backupService'
import { folderProblem } from '../backup/backupFiles'
import { schemaVersion } from '../db/open'
import { readSetting, settingVersion, writeSetting } from '../db/settingsRepo'
import { AppError } from '../errors'
import type { HandlersFor } from '../handlerTypes'

function fileBytes(path: string): number {
  return existsSync(path) ? statSync(path).size : 0
}

function health(ctx: Ctx): ServerHealth {
  const { db } = ctx
  const now = ctx.clock.now().getTime()
  const folder = effectiveFolder(db)
  const newest = folderProblem(folder) ? undefined : listBackups(folder).filter((b) => b.checksum !== 'no_manifest').sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0]
  const serving = ctx.serving
  const limits = readSetting(db, 'server.sessions')
  return {
    mode: serving?.mode ?? 'embedded',
    appVersion: APP_VERSION,
    schemaVersion: schemaVersion(db),
    startedAt: serving?.startedAt ?? nowIso(ctx),
    database: {
      file: db.name,
      bytes: db.memory ? 0 : fileBytes(db.name),
      walBytes: db.memory ? 0 : fileBytes(`${db.name}-wal`),
      journalMode: String(db.pragma('journal_mode', { simple: true })),
    },
    lastBackup: newest ? { file: newest.file, createdAt: newest.createdAt, bytes: newest.bytes } : null,
    dailyBackups: readSetting(db, 'backup.daily'),
    tls: serving?.tls ?? null,
    sessions: ctx.sessions.list(now).map((s) => {
      const staff = staffById(db, s.staffId)
      return {
        handle: s.handle,
        staffId: s.staffId,
        displayName: staff?.displayName ?? '—',
        role: staff?.role ?? 'ward_officer',
        createdAt: new Date(s.createdAt).toISOString(),
        lastSeen: new Date(s.lastSeen).toISOString(),
        current: s.id === ctx.sessionId,
      }
    }),
    liveClients: serving?.liveClients ?? null,
    limits,
  }
}

export const serverHandlers = {
  'server:health': (_input, ctx) => health(ctx),
  'server:endSessions'(input, ctx) {
    const actor = actorOf(ctx)
    // Ending one's own sessions by name would sign the administrator out mid-call; everyone else's is what is meant.
    const ended = input.staffId ? ctx.sessions.deleteForStaff(input.staffId, input.staffId === actor.id ? ctx.sessionId : null) : ctx.sessions.deleteAll(ctx.sessionId)
    ctx.auditDetail = JSON.stringify({ ended, staffId: input.staffId ?? null })
    return { ended }
  },
  'server:sessionLimits': (_input, ctx) => ({ limits: readSetting(ctx.db, 'server.sessions'), version: settingVersion(ctx.db, 'server.sessions') }),
  'server:setSessionLimits'(input, ctx) {
    if (input.version !== settingVersion(ctx.db, 'server.sessions')) throw new AppError('conflict', 'settings.stale')
    const before = readSetting(ctx.db, 'server.sessions')
    const limits = { idleMinutes: input.idleMinutes, absoluteHours: input.absoluteHours }
    writeSetting(ctx.db, 'server.sessions', limits)
    ctx.auditDetail = JSON.stringify({ before, after: limits })
    return { limits, version: settingVersion(ctx.db, 'server.sessions') }
  },
} satisfies HandlersFor<typeof serverContract>
