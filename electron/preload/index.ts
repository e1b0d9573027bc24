import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { isBackendEvent } from '../shared/events'
import { IPC, type HostApi, type XinshengBridge } from '../shared/host'

/**
 * The renderer's only door to the core: ONE object, window.xinsheng = { invoke, onEvent, host }. ipcRenderer itself
 * is never exposed; each function names its own channel.
 */
const host: HostApi = {
  openFile: (options) => ipcRenderer.invoke(IPC.host.openFile, options),
  saveFile: (options) => ipcRenderer.invoke(IPC.host.saveFile, options),
  printToPdf: (options) => ipcRenderer.invoke(IPC.host.printToPdf, options),
  relaunch: () => ipcRenderer.invoke(IPC.host.relaunch),
}

const bridge: XinshengBridge = {
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
