/**
 * The Electron window's security, asserted without an Electron binary (none can be downloaded on these machines): the
 * window options, the Content-Security-Policy of both ways the renderer is served (the page's meta tag in the app, the
 * HTTP header in browser mode), that navigation away and window.open are refused, and that the preload exposes exactly
 * one object. The `electron` module is replaced by a recorder here, the one place a mock is the only way: the real
 * module is just the path of the missing binary. The main process is imported whole, so what is asserted is what it
 * really passes to BrowserWindow and really registers, not a copy.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDispatcher } from '../../electron/core/dispatch'
import { openDatabase } from '../../electron/core/db/open'
import { startBridge } from '../../electron/core/http/server'
import { mainWindowOptions, navigationAllowed, windowOpenPolicy } from '../../electron/main/windowPolicy'
import { HOST_ONLY_ARGUMENT, IPC } from '../../electron/shared/host'
import { fixedClock, REPO_ROOT } from './helpers'

type Listener = (...args: unknown[]) => unknown

/** What the main process and the preload did with the (recording) electron module. */
const recorded = vi.hoisted(() => ({
  windows: [] as { options: unknown; contents: Record<string, Listener>; openHandler: Listener | null }[],
  appListeners: {} as Record<string, Listener>,
  sandboxEnabled: false,
  exposed: [] as { key: string; api: unknown }[],
  openedExternally: [] as string[],
  ipcInvokes: [] as unknown[][],
  ipcRenderer: null as unknown,
  permissionRequest: null as Listener | null,
  permissionCheck: null as Listener | null,
}))

vi.mock('electron', () => {
  const pageUrl = 'file:///app/out/renderer/index.html'
  class BrowserWindow {
    static getAllWindows = () => []
    webContents: Record<string, unknown>
    constructor(options: unknown) {
      const entry = { options, contents: {} as Record<string, Listener>, openHandler: null as Listener | null }
      recorded.windows.push(entry)
      this.webContents = {
        id: recorded.windows.length,
        getURL: () => pageUrl,
        on: (event: string, listener: Listener) => (entry.contents[event] = listener),
        setWindowOpenHandler: (handler: Listener) => (entry.openHandler = handler),
        send: () => undefined,
      }
    }
    once() {}
    on() {}
    show() {}
    loadURL() { return Promise.resolve() }
    loadFile() { return Promise.resolve() }
  }
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      recorded.ipcInvokes.push(args)
      return Promise.resolve(null)
    },
    on: () => undefined,
    removeListener: () => undefined,
  }
  recorded.ipcRenderer = ipcRenderer
  return {
    app: {
      enableSandbox: () => (recorded.sandboxEnabled = true),
      whenReady: () => Promise.resolve(),
      getPath: () => '/tmp/xinsheng-user-data',
      getAppPath: () => '/app',
      on: (event: string, listener: Listener) => (recorded.appListeners[event] = listener),
      quit: () => undefined,
    },
    BrowserWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (recorded.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => (recorded.permissionCheck = handler),
      },
    },
    dialog: { showErrorBox: () => undefined },
    ipcMain: { handle: () => undefined },
    Menu: { setApplicationMenu: () => undefined },
    shell: { openExternal: (url: string) => recorded.openedExternally.push(url) },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.push({ key, api }) },
    ipcRenderer,
  }
})

// The back end is not started: the window, not the worker, is under test here (backendWorker.test.ts covers it).
vi.mock('../../electron/core/worker/client', () => ({
  startBackendWorker: () => Promise.resolve({ onEvent: () => undefined, invoke: () => Promise.resolve({ ok: true, value: null }), close: () => Promise.resolve() }),
}))

beforeAll(async () => {
  // A named database: the embedded start of today (a first run without one would show the connection choice instead,
  // with no back end; connectionPolicy.test.ts covers that decision).
  process.env.XINSHENG_DB = '/tmp/xinsheng-window-test-never-opened.db'
  await import('../../electron/main/index')
  await import('../../electron/preload/index')
  // app.whenReady() resolves, then the window is created: let the promise chain run.
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1))
})

const mainWindow = () => recorded.windows[0]!

describe('the main window', () => {
  it('isolates and sandboxes the renderer: no Node, same-origin policy on, no insecure content, no webview', () => {
    const { webPreferences } = mainWindow().options as { webPreferences: Record<string, unknown> }
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    })
    // Electron's defaults are the safe ones; a key set to the unsafe value is what must never appear.
    expect(webPreferences.webSecurity).not.toBe(false)
    expect(webPreferences.allowRunningInsecureContent).not.toBe(true)
    expect(webPreferences).not.toHaveProperty('experimentalFeatures', true)
    expect(webPreferences.preload).toBe(join('/app', 'out', 'preload', 'index.cjs'))
    expect(recorded.sandboxEnabled).toBe(true)
  })

  it('refuses every permission the page asks for (camera, microphone, notifications, …), without a prompt', () => {
    mainWindow()
    for (const permission of ['media', 'notifications', 'geolocation', 'midi', 'clipboard-read', 'openExternal']) {
      let granted: unknown = 'unanswered'
      recorded.permissionRequest!({}, permission, (answer: unknown) => (granted = answer))
      expect(granted, permission).toBe(false)
      expect(recorded.permissionCheck!({}, permission), permission).toBe(false)
    }
  })

  it('is what windowPolicy describes', () => {
    expect(mainWindow().options).toEqual(mainWindowOptions(join('/app', 'out', 'preload', 'index.cjs')))
  })

  it.each([
    ['https://example.com/'],
    ['http://127.0.0.1:8080/'],
    ['file:///etc/passwd'],
    ['file:///app/out/renderer/other.html'],
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
  ])('refuses navigation to %s', (url) => {
    const preventDefault = vi.fn()
    mainWindow().contents['will-navigate']!({ preventDefault }, url)
    expect(preventDefault).toHaveBeenCalledTimes(1)
    expect(navigationAllowed('file:///app/out/renderer/index.html', url)).toBe(false)
  })

  it('lets a reload of the page itself through', () => {
    const preventDefault = vi.fn()
    mainWindow().contents['will-navigate']!({ preventDefault }, 'file:///app/out/renderer/index.html')
    expect(preventDefault).not.toHaveBeenCalled()
  })

  it.each([
    ['https://example.com/help', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['xinsheng://anything', false],
  ])('denies window.open(%s); only an https link goes to the system browser (%s)', (url, external) => {
    recorded.openedExternally.length = 0
    expect(mainWindow().openHandler!({ url })).toEqual({ action: 'deny' })
    expect(recorded.openedExternally).toEqual(external ? [url] : [])
    expect(windowOpenPolicy(url)).toEqual({ response: { action: 'deny' }, openExternally: external })
  })

  it('refuses every webview attached by any web contents', () => {
    const contents: Record<string, Listener> = {}
    recorded.appListeners['web-contents-created']!({}, { on: (event: string, listener: Listener) => (contents[event] = listener) })
    const preventDefault = vi.fn()
    contents['will-attach-webview']!({ preventDefault })
    expect(preventDefault).toHaveBeenCalledTimes(1)
  })
})

describe('the preload', () => {
  it('exposes exactly one object, window.xinsheng = { invoke, onEvent, host }', () => {
    expect(recorded.exposed.map((e) => e.key)).toEqual(['xinsheng'])
    const api = recorded.exposed[0]!.api as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual(['host', 'invoke', 'onEvent'])
    expect(Object.keys(api.host as object).sort()).toEqual(['chooseConnection', 'connection', 'openFile', 'printToPdf', 'probeServer', 'relaunch', 'saveFile'])
  })

  it('exposes the host API alone to a window without a local back end (connected to the facility server, or choosing)', async () => {
    vi.resetModules()
    process.argv.push(HOST_ONLY_ARGUMENT)
    try {
      await import('../../electron/preload/index')
    } finally {
      process.argv.splice(process.argv.indexOf(HOST_ONLY_ARGUMENT), 1)
    }
    const latest = recorded.exposed.at(-1)!
    expect(latest.key).toBe('xinsheng')
    expect(Object.keys(latest.api as object)).toEqual(['host'])
    recorded.exposed.pop()
  })

  it('hands out functions only, never ipcRenderer itself', () => {
    const api = recorded.exposed[0]!.api as Record<string, unknown>
    const values = [...Object.values(api), ...Object.values(api.host as object)]
    for (const value of values) expect(value).not.toBe(recorded.ipcRenderer)
    for (const value of values.filter((v) => v !== api.host)) expect(typeof value).toBe('function')
  })

  it('sends each call on its own named channel', async () => {
    const api = recorded.exposed[0]!.api as { invoke: Listener; host: Record<string, Listener> }
    recorded.ipcInvokes.length = 0
    await api.invoke('people:list', { q: 'x' })
    await api.host.relaunch!()
    expect(recorded.ipcInvokes).toEqual([[IPC.invoke, 'people:list', { q: 'x' }], [IPC.host.relaunch]])
  })
})

/** Directive → sources. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/)
    expect(directives.has(name!), `directive ${name} given twice`).toBe(false)
    directives.set(name!, sources)
  }
  return directives
}

/** What both policies must hold: only the app's own scripts, nothing from elsewhere, no eval. */
function expectStrictCsp(policy: string) {
  const csp = parseCsp(policy)
  expect(csp.get('default-src')).toEqual(["'self'"])
  expect(csp.get('script-src')).toEqual(["'self'"])
  expect(csp.get('connect-src')).toEqual(["'self'"])
  expect(csp.has('base-uri')).toBe(true)
  expect(csp.has('form-action')).toBe(true)
  if (csp.has('object-src')) expect(csp.get('object-src')).toEqual(["'none'"])
  for (const [directive, sources] of csp) {
    for (const forbidden of ['*', 'http:', 'https:', "'unsafe-eval'", "'strict-dynamic'"]) expect(sources, directive).not.toContain(forbidden)
  }
}

describe('Content-Security-Policy', () => {
  it('of the page the app loads (the meta tag of renderer/index.html)', () => {
    const html = readFileSync(join(REPO_ROOT, 'renderer', 'index.html'), 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
    expect(meta, 'the page carries its CSP').not.toBeNull()
    expectStrictCsp(meta![1]!)
  })

  describe('sent by the browser-mode bridge', () => {
    const db = openDatabase(':memory:')
    let bridge: Awaited<ReturnType<typeof startBridge>>
    beforeAll(async () => {
      bridge = await startBridge({ dispatch: createDispatcher({ db, clock: fixedClock }), port: 0, token: 'csp-test-token' })
    })
    afterAll(async () => {
      await bridge.close()
      db.close()
    })

    it('as a header on every answer, refusals included', async () => {
      for (const path of ['/?token=csp-test-token', '/', '/api/invoke']) {
        const response = await fetch(`http://127.0.0.1:${bridge.port}${path}`, { redirect: 'manual' })
        const policy = response.headers.get('content-security-policy')
        expect(policy, path).toBeTruthy()
        expectStrictCsp(policy!)
        expect(parseCsp(policy!).get('frame-ancestors')).toEqual(["'none'"])
        // The same policy as the page's own (a meta tag cannot carry frame-ancestors, which only the header can).
        const html = readFileSync(join(REPO_ROOT, 'renderer', 'index.html'), 'utf8')
        const page = parseCsp(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)![1]!)
        const header = parseCsp(policy!)
        header.delete('frame-ancestors')
        expect(header).toEqual(page)
        await response.body?.cancel()
      }
    })
  })
})
