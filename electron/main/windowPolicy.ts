/**
 * The main window's security settings and its navigation rules, as plain values and functions (no Electron at run
 * time), so a unit test can assert them without an Electron binary. index.ts only wires them to the window.
 */
import type { BrowserWindowConstructorOptions, WindowOpenHandlerResponse } from 'electron'
import { originOf } from './connectionPolicy'

/**
 * The renderer is untrusted: it runs in a sandbox, isolated from the preload, without Node, and with the same-origin
 * policy on. Its only door to the back end is the preload's one object.
 */
export function mainWindowOptions(preloadPath: string, preloadArguments: readonly string[] = []): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: '新生 · 戒毒人员档案工作台',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Tells the preload to leave out invoke and onEvent (connection policy: no local back end for this window).
      ...(preloadArguments.length > 0 ? { additionalArguments: [...preloadArguments] } : {}),
    },
  }
}

/**
 * Device and browser permissions the page may have: none. A records workbench needs no camera, microphone, location,
 * notifications or MIDI; anything the page asks for is refused without a prompt.
 */
export function permissionAllowed(_permission: string): boolean {
  return false
}

/**
 * No navigation away from the app: only a reload of the page already shown is let through. A workstation connected to
 * the facility server (`serverOrigin`, https://host:port) may also move within that one origin, nowhere else.
 */
export function navigationAllowed(currentUrl: string, targetUrl: string, serverOrigin: string | null = null): boolean {
  if (targetUrl === currentUrl) return true
  return serverOrigin !== null && originOf(targetUrl) === originOf(serverOrigin) && targetUrl.startsWith('https://')
}

/**
 * No new windows, ever. An https link is handed to the system browser instead (outside the app's sandbox and session);
 * anything else (file:, javascript:, http:, custom schemes) is dropped.
 */
export function windowOpenPolicy(url: string): { response: WindowOpenHandlerResponse; openExternally: boolean } {
  return { response: { action: 'deny' }, openExternally: url.startsWith('https://') }
}
