import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { IPC } from '../shared/host'
import { startBackendWorker, type BackendWorker } from '../core/worker/client'
import { registerHostHandlers } from './host'
import { mainWindowOptions, navigationAllowed, permissionAllowed, windowOpenPolicy } from './windowPolicy'

/**
 * Thin main process: one window, the back end in its worker thread behind one IPC channel, its events relayed to the
 * windows, and the small host API (host.ts). Sessions are kept per window here, so the renderer never handles a
 * session id in Electron.
 */
let backend: BackendWorker | null = null
const sessionsByWindow = new Map<number, string>()

/** Built beside this file by electron-vite (the main build's second input, electron.vite.config.ts). */
const WORKER_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'backendWorker.js')

function databasePath(): string {
  const flag = process.argv.indexOf('--db')
  if (flag > 0 && process.argv[flag + 1]) return process.argv[flag + 1]!
  return process.env.XINSHENG_DB || join(app.getPath('userData'), 'xinsheng.db')
}

function createWindow() {
  const win = new BrowserWindow(mainWindowOptions(join(app.getAppPath(), 'out', 'preload', 'index.cjs')))
  win.once('ready-to-show', () => win.show())
  const id = win.webContents.id
  win.on('closed', () => sessionsByWindow.delete(id))
  // No navigation away from the app and no new windows; external links open in the system browser (windowPolicy.ts).
  win.webContents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(win.webContents.getURL(), url)) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    const { response, openExternally } = windowOpenPolicy(url)
    if (openExternally) void shell.openExternal(url)
    return response
  })
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void win.loadFile(join(app.getAppPath(), 'out', 'renderer', 'index.html'))
}

/** Closes the database and ends the worker (once). */
async function stopBackend(): Promise<void> {
  const running = backend
  backend = null
  await running?.close()
}

app.enableSandbox()
app.whenReady().then(async () => {
  // Before any page loads: every permission request and check is refused (windowPolicy.ts).
  session.defaultSession.setPermissionRequestHandler((_contents, permission, decide) => decide(permissionAllowed(permission)))
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission))
  const file = databasePath()
  let started: BackendWorker
  try {
    started = await startBackendWorker({ dbFile: file, entry: WORKER_SCRIPT })
  } catch (error) {
    // A database from a newer app, or one that cannot be opened, is left untouched and the reason shown.
    dialog.showErrorBox('无法打开数据库 / Cannot open the database', `${file}\n\n${error instanceof Error ? error.message : String(error)}`)
    app.quit()
    return
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
  registerHostHandlers(stopBackend)
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
