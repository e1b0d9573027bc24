import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ConnectionRefusal, ConnectionState } from '../shared/connection'
import { IPC } from '../shared/host'
import { serveWorker } from '../core/server/facilityServer'
import type { ServingInfo } from '../core/server/serving'
import { ensureFacilityCertificates } from '../core/server/tls'
import { startBackendWorker, type BackendWorker } from '../core/worker/client'
import { readConnection } from './connection'
import { registerConnectionHandlers } from './connectionHandlers'
import { allowedOrigin, bridgeArguments, listenParts, startPlan, windowTarget, type StartPlan } from './connectionPolicy'
import { guardServerCertificate, watchLoadFailures, type ConnectModeWiring } from './connectMode'
import { registerHostHandlers } from './host'
import { mainWindowOptions, navigationAllowed, permissionAllowed, windowOpenPolicy } from './windowPolicy'

/**
 * Thin main process: one window, the back end in its worker thread behind one IPC channel, its events relayed to the
 * windows, and the small host API (host.ts). Sessions are kept per window here, so the renderer never handles a
 * session id in Electron. How the workstation reaches its data (issue 15) is decided at start from connection.json
 * (connectionPolicy.ts): embedded (as before), host (the same, plus the facility server for other workstations),
 * connect (no local database: the window is the server's page, its certificate pinned), or choose (first run).
 */
let backend: BackendWorker | null = null
let facilityBridge: { url: string; close(): Promise<void> } | null = null
let plan: StartPlan = { kind: 'embedded' }
let mainWindow: BrowserWindow | null = null
/** What the renderer is told beyond the plan: why the choice is asked again, where this host serves. */
let hostProblem: ConnectionRefusal | null = null
let serving: ConnectionState['serving'] = null
const sessionsByWindow = new Map<number, string>()

/** Built beside this file by electron-vite (the main build's second input, electron.vite.config.ts). */
const WORKER_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'backendWorker.js')
const PRELOAD = () => join(app.getAppPath(), 'out', 'preload', 'index.cjs')
const LOCAL_PAGE = () => join(app.getAppPath(), 'out', 'renderer', 'index.html')

function databasePath(): { file: string; named: boolean } {
  const flag = process.argv.indexOf('--db')
  if (flag > 0 && process.argv[flag + 1]) return { file: process.argv[flag + 1]!, named: true }
  if (process.env.XINSHENG_DB) return { file: process.env.XINSHENG_DB, named: true }
  return { file: join(app.getPath('userData'), 'xinsheng.db'), named: false }
}

function connectionState(): ConnectionState {
  const choice = plan.kind === 'host' || plan.kind === 'connect' ? plan.choice : plan.kind === 'embedded' ? { mode: 'embedded' as const } : null
  return { choice, firstRun: plan.kind === 'choose', refused: plan.kind === 'choose' ? plan.refused : hostProblem, serving }
}

function createWindow() {
  const win = new BrowserWindow(mainWindowOptions(PRELOAD(), bridgeArguments(plan)))
  mainWindow = win
  win.once('ready-to-show', () => win.show())
  const id = win.webContents.id
  win.on('closed', () => {
    sessionsByWindow.delete(id)
    if (mainWindow === win) mainWindow = null
  })
  // No navigation away from the app (or the facility server's origin) and no new windows; external links open in the
  // system browser (windowPolicy.ts).
  win.webContents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(win.webContents.getURL(), url, allowedOrigin(plan))) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    const { response, openExternally } = windowOpenPolicy(url)
    if (openExternally) void shell.openExternal(url)
    return response
  })
  if (plan.kind === 'connect') watchLoadFailures(win, connectWiring, certificateGuard.refused)
  load(win)
}

function load(win: BrowserWindow) {
  const target = windowTarget(plan, { devUrl: process.env.ELECTRON_RENDERER_URL, file: LOCAL_PAGE() })
  if (target.kind === 'url') void win.loadURL(target.url)
  else void win.loadFile(target.path)
}

/** Connect mode gone wrong (changed certificate, server away): the app's own page with the choice screen. */
const connectWiring: ConnectModeWiring = {
  plan: () => plan,
  window: () => mainWindow,
  offerChoice(refused) {
    plan = { kind: 'choose', refused }
    if (mainWindow) load(mainWindow)
  },
}
let certificateGuard = { refused: () => false }

/** Stops serving other workstations, closes the database and ends the worker (once). */
async function stopBackend(): Promise<void> {
  const bridge = facilityBridge
  const running = backend
  facilityBridge = null
  backend = null
  await bridge?.close().catch(() => undefined)
  await running?.close()
}

/**
 * Embedded and host modes: the database in its worker, this window on IPC. Host mode also makes sure of the facility
 * certificates (userData/tls) and serves the same worker over HTTPS on the chosen address; if that fails the desk keeps
 * working on its own database and says why. False when the database cannot be opened (the app then quits).
 */
async function startLocal(file: string): Promise<boolean> {
  let servingInfo: ServingInfo | undefined
  let certificates: Awaited<ReturnType<typeof ensureFacilityCertificates>> | null = null
  if (plan.kind === 'host') {
    try {
      certificates = await Promise.resolve(ensureFacilityCertificates({ dir: join(app.getPath('userData'), 'tls'), names: plan.choice.names }))
      servingInfo = { mode: 'facility', tls: { listen: plan.choice.listen, fingerprint: certificates.fingerprint, notAfter: certificates.notAfter } }
    } catch (error) {
      reportHostFailure(plan.choice.listen, error)
    }
  }
  let started: BackendWorker
  try {
    started = await startBackendWorker({ dbFile: file, entry: WORKER_SCRIPT, ...(servingInfo ? { serving: servingInfo } : {}) })
  } catch (error) {
    // A database from a newer app, or one that cannot be opened, is left untouched and the reason shown.
    dialog.showErrorBox('无法打开数据库 / Cannot open the database', `${file}\n\n${error instanceof Error ? error.message : String(error)}`)
    app.quit()
    return false
  }
  backend = started
  started.onEvent((event) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(IPC.event, event)
  })
  ipcMain.handle(IPC.invoke, async (event, method: unknown, input: unknown) => {
    const windowId = event.sender.id
    const result = await started.invoke(method, input, sessionsByWindow.get(windowId) ?? null)
    if (result.ok && method === 'auth:login') {
      sessionsByWindow.set(windowId, (result.value as { sessionId: string }).sessionId)
    }
    if (method === 'auth:logout') sessionsByWindow.delete(windowId)
    return result
  })
  if (plan.kind === 'host' && certificates) {
    const { host, port } = listenParts(plan.choice.listen)
    try {
      // The same serving as `serve --facility` (heavy reads on a read-only reader worker, the HTTPS bridge).
      facilityBridge = await serveWorker(started, {
        dbFile: file,
        entry: WORKER_SCRIPT,
        tls: { keyPem: certificates.keyPem, certPem: certificates.certPem },
        host,
        port,
        names: plan.choice.names,
        staticDir: join(app.getAppPath(), 'out', 'renderer'),
      })
      serving = { url: facilityBridge.url, fingerprint: certificates.fingerprint }
    } catch (error) {
      reportHostFailure(plan.choice.listen, error)
    }
  }
  return true
}

function reportHostFailure(listen: string, error: unknown) {
  const detail = error instanceof Error ? error.message : String(error)
  hostProblem = { kind: 'host-failed', listen, detail }
  dialog.showErrorBox(
    '无法作为机构服务器运行 / Cannot serve the facility',
    `${listen}\n\n${detail}\n\n本机仍可单独使用自己的数据库；其他工作站暂时无法连接。请管理员在“连接方式”中检查地址。`,
  )
}

app.enableSandbox()
app.whenReady().then(async () => {
  // Before any page loads: every permission request and check is refused (windowPolicy.ts).
  session.defaultSession.setPermissionRequestHandler((_contents, permission, decide) => decide(permissionAllowed(permission)))
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission))
  const userData = app.getPath('userData')
  const database = databasePath()
  plan = startPlan({ stored: readConnection(userData), databaseExists: existsSync(database.file), databaseNamed: database.named })
  if (plan.kind === 'embedded' || plan.kind === 'host') {
    if (!(await startLocal(database.file))) return
  }
  if (plan.kind === 'connect') certificateGuard = guardServerCertificate(connectWiring)
  registerHostHandlers(stopBackend)
  registerConnectionHandlers({ userData, state: () => ({ plan, connection: connectionState() }), beforeRelaunch: stopBackend })
  Menu.setApplicationMenu(null)
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}).catch((error: unknown) => {
  console.error(error)
  app.quit()
})

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault())
})

app.on('window-all-closed', () => {
  void stopBackend().finally(() => app.quit())
})
