import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron'
import { join } from 'node:path'
import { createDispatcher } from '../core/dispatch'
import { openDatabase, type Db } from '../core/db/open'

/**
 * Thin main process: one window, the core's dispatcher behind one IPC channel. Sessions are kept per window here, so
 * the renderer never handles a session id in Electron.
 */
let db: Db | null = null
const sessionsByWindow = new Map<number, string>()

function databasePath(): string {
  const flag = process.argv.indexOf('--db')
  if (flag > 0 && process.argv[flag + 1]) return process.argv[flag + 1]!
  return process.env.XINSHENG_DB || join(app.getPath('userData'), 'xinsheng.db')
}

function createWindow() {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: '新生 · 戒毒人员档案工作台',
    webPreferences: {
      preload: join(app.getAppPath(), 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  const id = win.webContents.id
  win.on('closed', () => sessionsByWindow.delete(id))
  // No navigation away from the app and no new windows; external links open in the system browser.
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void win.loadFile(join(app.getAppPath(), 'out', 'renderer', 'index.html'))
}

app.enableSandbox()
app.whenReady().then(() => {
  const file = databasePath()
  try {
    db = openDatabase(file)
  } catch (error) {
    // A database from a newer app, or one that cannot be opened, is left untouched and the reason shown.
    dialog.showErrorBox('无法打开数据库 / Cannot open the database', `${file}\n\n${error instanceof Error ? error.message : String(error)}`)
    app.quit()
    return
  }
  const dispatch = createDispatcher({ db })
  ipcMain.handle('xinsheng:invoke', (event, method: unknown, input: unknown) => {
    const windowId = event.sender.id
    const result = dispatch(method, input, sessionsByWindow.get(windowId) ?? null)
    if (result.ok && method === 'auth:login') {
      sessionsByWindow.set(windowId, (result.value as { sessionId: string }).sessionId)
    }
    if (method === 'auth:logout') sessionsByWindow.delete(windowId)
    return result
  })
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
  db?.close()
  db = null
  app.quit()
})
