/**
 * The connection part of the host API (issue 15): what the workstation is set to, probing a server's certificate, and
 * storing a new choice (then a restart into it). Arguments come from the renderer and are checked here.
 */
import { app, BrowserWindow, dialog, ipcMain } from 'electron'
import { connectionChoice, serverUrl, type ConnectionState, type ProbeResult } from '../shared/connection'
import { IPC } from '../shared/host'
import { probeServer } from '../core/server/pinning'
import { localNames, writeConnection } from './connection'
import { choiceNeedsNativeConfirm, type StartPlan } from './connectionPolicy'

const PROBE_TIMEOUT_MS = 5_000

export interface ConnectionHandlerContext {
  userData: string
  /** The current plan and what the renderer is told (refusal, serving address); read on every call. */
  state: () => { plan: StartPlan; connection: ConnectionState }
  beforeRelaunch: () => Promise<void>
}

export function registerConnectionHandlers(context: ConnectionHandlerContext): void {
  ipcMain.handle(IPC.host.connection, (): ConnectionState => {
    const { connection } = context.state()
    return { ...connection, localNames: localNames() }
  })

  ipcMain.handle(IPC.host.probeServer, async (_event, raw: unknown): Promise<ProbeResult> => {
    const url = serverUrl.safeParse(raw)
    if (!url.success) return { ok: false, reason: 'bad-address', detail: url.error.issues[0]?.message ?? '' }
    try {
      const found = await probeServer(url.data, { timeoutMs: PROBE_TIMEOUT_MS })
      return { ok: true, fingerprint: found.fingerprint, subject: found.subject, validTo: found.validTo }
    } catch (error) {
      return { ok: false, ...probeFailure(error) }
    }
  })

  ipcMain.handle(IPC.host.chooseConnection, async (event, raw: unknown): Promise<void> => {
    const parsed = connectionChoice.safeParse(raw)
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
    if (choiceNeedsNativeConfirm(context.state().plan)) {
      const win = BrowserWindow.fromWebContents(event.sender)
      const options = {
        type: 'warning' as const,
        title: '更改连接方式 / Change connection',
        message: '本工作站将改为以下连接方式并重新启动：',
        detail: JSON.stringify(parsed.data, null, 2),
        buttons: ['更改并重新启动', '取消'],
        defaultId: 1,
        cancelId: 1,
      }
      const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)
      if (answer.response !== 0) throw new Error('cancelled')
    }
    writeConnection(context.userData, parsed.data)
    await context.beforeRelaunch()
    app.relaunch()
    app.exit(0)
  })
}

/** Node's network errors as the few reasons the screen explains. */
function probeFailure(error: unknown): { reason: Exclude<ProbeResult, { ok: true }>['reason']; detail: string } {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? ''
  const detail = error instanceof Error ? error.message : String(error)
  if (code === 'ETIMEDOUT' || /timed? ?out|no TLS answer/i.test(detail)) return { reason: 'timeout', detail }
  if (code === 'EPROTO' || code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /SSL|TLS|wrong version/i.test(detail)) return { reason: 'not-tls', detail }
  return { reason: 'unreachable', detail }
}
