/**
 * The small host API the Electron main process keeps beside the back end: file dialogs, print to PDF, relaunch. The
 * preload exposes it as `window.xinsheng.host`; in browser mode renderer/src/api/host.ts falls back to a file input, a
 * download, window.print() and a reload. Types only (and channel names): shared stays free of node and DOM.
 */
import type { ApiResult } from './contract'
import type { BackendEventListener } from './events'

export interface FileFilter {
  /** Shown in the dialog, e.g. "Excel". */
  name: string
  /** Without the dot, e.g. ["xlsx"]. */
  extensions: string[]
}

export interface OpenFileOptions {
  title?: string
  filters?: FileFilter[]
}

export interface PickedFile {
  name: string
  bytes: Uint8Array
}

export interface SaveFileOptions {
  title?: string
  /** The suggested file name. */
  defaultName: string
  filters?: FileFilter[]
  /** Text is written as UTF-8. */
  data: Uint8Array | string
}

export interface PrintToPdfOptions {
  /** The suggested file name (browser mode leaves naming to the print dialog). */
  defaultName: string
}

export interface HostApi {
  /** The file the user picked, or null when cancelled. */
  openFile(options: OpenFileOptions): Promise<PickedFile | null>
  /** True once written; false when cancelled. */
  saveFile(options: SaveFileOptions): Promise<boolean>
  /** Prints the current page to a PDF the user saves; false when cancelled. */
  printToPdf(options: PrintToPdfOptions): Promise<boolean>
  /** Restarts the app (after a restore, a language or database change). */
  relaunch(): Promise<void>
}

/** `window.xinsheng` in Electron: the renderer's only door, one object. Absent in browser mode. */
export interface XinshengBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>
  /** Subscribes to back-end events; returns the unsubscribe function. */
  onEvent(listener: BackendEventListener): () => void
  host: HostApi
}

/** IPC channel names, shared by main and preload so they cannot drift apart. */
export const IPC = {
  invoke: 'xinsheng:invoke',
  event: 'xinsheng:event',
  host: {
    openFile: 'xinsheng:host:openFile',
    saveFile: 'xinsheng:host:saveFile',
    printToPdf: 'xinsheng:host:printToPdf',
    relaunch: 'xinsheng:host:relaunch',
  },
} as const satisfies { invoke: string; event: string; host: Record<keyof HostApi, string> }
