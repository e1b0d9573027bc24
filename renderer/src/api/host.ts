import type { ConnectionState } from '@shared/connection'
import type { HostApi, OpenFileOptions, PickedFile, PrintToPdfOptions, SaveFileOptions } from '@shared/host'

const NOT_AVAILABLE = 'browser mode: not available'

/**
 * The host API (file dialogs, print to PDF, relaunch, the connection choice): Electron's main process through the
 * preload, or the browser's own means in browser mode: a file input, a download, the print dialog, a reload. Browser
 * mode has no connection to choose (it is served by one back end), so it never shows the choice screen.
 */
export const host: HostApi = {
  openFile: (options) => window.xinsheng?.host.openFile(options) ?? pickFileInBrowser(options),
  saveFile: (options) => window.xinsheng?.host.saveFile(options) ?? downloadInBrowser(options),
  printToPdf: (options) => window.xinsheng?.host.printToPdf(options) ?? printInBrowser(options),
  relaunch: () => window.xinsheng?.host.relaunch() ?? reloadInBrowser(),
  connection: () => window.xinsheng?.host.connection() ?? Promise.resolve<ConnectionState>({ choice: null, firstRun: false }),
  probeServer: (url) => window.xinsheng?.host.probeServer(url) ?? Promise.resolve({ ok: false, reason: 'not-available', detail: NOT_AVAILABLE }),
  chooseConnection: (choice) => window.xinsheng?.host.chooseConnection(choice) ?? Promise.reject(new Error(NOT_AVAILABLE)),
}

/** True in the Electron app (the connection can be chosen there); false in browser mode. */
export function hasConnectionHost(): boolean {
  return typeof window.xinsheng?.host?.connection === 'function'
}

function pickFileInBrowser(options: OpenFileOptions): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    const accept = (options.filters ?? []).flatMap((f) => f.extensions.filter((e) => e !== '*').map((e) => `.${e}`))
    if (accept.length > 0) input.accept = accept.join(',')
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      if (!file) return resolve(null)
      void file.arrayBuffer().then((buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }))
    })
    input.addEventListener('cancel', () => resolve(null))
    input.click()
  })
}

function downloadInBrowser(options: SaveFileOptions): Promise<boolean> {
  // Copy into a plain ArrayBuffer-backed array: a Blob part must not be a view on a shared buffer.
  const part = typeof options.data === 'string' ? options.data : new Uint8Array(options.data)
  const url = URL.createObjectURL(new Blob([part]))
  const link = document.createElement('a')
  link.href = url
  link.download = options.defaultName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  // The browser asks where to save (or saves to Downloads); either way the page cannot know, so report it written.
  return Promise.resolve(true)
}

/** The browser's print dialog offers "Save as PDF"; it names the file after the page title. */
function printInBrowser(_options: PrintToPdfOptions): Promise<boolean> {
  window.print()
  return Promise.resolve(true)
}

function reloadInBrowser(): Promise<void> {
  window.location.reload()
  return Promise.resolve()
}
