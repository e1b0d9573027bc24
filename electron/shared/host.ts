/**
 * The small host API the Electron main process keeps beside the back end: file dialogs, print to PDF, relaunch, the
 * connection choice (issue 15). The preload exposes it as `window.xinsheng.host`; in browser mode
 * renderer/src/api/host.ts falls back to a file input, a download, window.print() and a reload (the connection
 * methods answer "not available"). Types, channel names and one pure function: shared stays free of node and DOM.
 */
import type { ConnectionChoice, ConnectionState, ProbeResult } from './connection'
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
  /** How this workstation reaches its data (connection.json), and whether the choice screen must come first. */
  connection(): Promise<ConnectionState>
  /** Connects to `url` (https://host:port) and reports the certificate it presents, for the user to compare. */
  probeServer(url: string): Promise<ProbeResult>
  /** Validates and stores the choice, then restarts the app in that mode (rejects with the reason when invalid). */
  chooseConnection(choice: ConnectionChoice): Promise<void>
}

/** `window.xinsheng` in Electron: the renderer's only door, one object. Absent in browser mode. */
export interface XinshengBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>
  /** Subscribes to back-end events; returns the unsubscribe function. */
  onEvent(listener: BackendEventListener): () => void
  host: HostApi
}

/**
 * A window whose page must not reach a local back end (connected to the facility server, or choosing how to connect):
 * only the host API, so the renderer sends its calls over HTTPS with the server's cookie session.
 */
export interface HostOnlyBridge {
  invoke?: undefined
  onEvent?: undefined
  host: HostApi
}

export type WindowBridge = XinshengBridge | HostOnlyBridge

/** Given to a host-only window (webPreferences.additionalArguments); its preload then leaves out invoke and onEvent. */
export const HOST_ONLY_ARGUMENT = '--xinsheng-bridge=host-only'

/** What the preload exposes, from its process arguments (a pure decision, unit-tested). */
export function bridgeKind(argv: readonly string[]): 'full' | 'host-only' {
  return argv.includes(HOST_ONLY_ARGUMENT) ? 'host-only' : 'full'
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
    connection: 'xinsheng:host:connection',
    probeServer: 'xinsheng:host:probeServer',
    chooseConnection: 'xinsheng:host:chooseConnection',
  },
} as const satisfies { invoke: string; event: string; host: Record<keyof HostApi, string> }
