import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { isBackendEvent } from '../shared/events'
import { bridgeKind, IPC, type HostApi, type WindowBridge } from '../shared/host'

/**
 * The renderer's only door to the core: ONE object, window.xinsheng = { invoke, onEvent, host }. ipcRenderer itself
 * is never exposed; each function names its own channel. A window showing the facility server's page (or the
 * connection choice, with no back end yet) gets `host` alone, so its calls go over HTTPS to the server.
 */
const host: HostApi = {
  openFile: (options) => ipcRenderer.invoke(IPC.host.openFile, options),
  saveFile: (options) => ipcRenderer.invoke(IPC.host.saveFile, options),
  printToPdf: (options) => ipcRenderer.invoke(IPC.host.printToPdf, options),
  relaunch: () => ipcRenderer.invoke(IPC.host.relaunch),
  connection: () => ipcRenderer.invoke(IPC.host.connection),
  probeServer: (url) => ipcRenderer.invoke(IPC.host.probeServer, url),
  chooseConnection: (choice) => ipcRenderer.invoke(IPC.host.chooseConnection, choice),
}

const bridge: WindowBridge =
  bridgeKind(process.argv) === 'host-only'
    ? { host }
    : {
        invoke: (method, input) => ipcRenderer.invoke(IPC.invoke, method, input),
        onEvent(listener) {
          const relay = (_event: IpcRendererEvent, payload: unknown) => {
            if (isBackendEvent(payload)) listener(payload)
          }
          ipcRenderer.on(IPC.event, relay)
          return () => {
            ipcRenderer.removeListener(IPC.event, relay)
          }
        },
        host,
      }

contextBridge.exposeInMainWorld('xinsheng', bridge)
