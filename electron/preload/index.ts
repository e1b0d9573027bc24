import { contextBridge, ipcRenderer } from 'electron'

/** The renderer's only door to the core: one object, one function. ipcRenderer itself is never exposed. */
contextBridge.exposeInMainWorld('xinsheng', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('xinsheng:invoke', method, input),
})
