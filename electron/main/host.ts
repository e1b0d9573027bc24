/**
 * The host API's main-process side (electron/shared/host.ts): dialogs, print to PDF, relaunch. Arguments come from
 * the renderer, so they are checked here; files are read or written only where the user chose in a dialog.
 */
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import { IPC, type PickedFile } from '../shared/host'

const filters = z.array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[\w*]{1,10}$/)).max(20) })).max(20).optional()
const openFileOptions = z.object({ title: z.string().max(200).optional(), filters })
const saveFileOptions = z.object({
  title: z.string().max(200).optional(),
  defaultName: z.string().min(1).max(255),
  filters,
  data: z.union([z.string(), z.instanceof(Uint8Array)]),
})
const printToPdfOptions = z.object({ defaultName: z.string().min(1).max(255) })

const windowOf = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender)

export function registerHostHandlers(beforeRelaunch: () => Promise<void>): void {
  ipcMain.handle(IPC.host.openFile, async (event, raw: unknown): Promise<PickedFile | null> => {
    const options = openFileOptions.parse(raw ?? {})
    const win = windowOf(event)
    const dialogOptions = { properties: ['openFile' as const], ...(options.title ? { title: options.title } : {}), ...(options.filters ? { filters: options.filters } : {}) }
    const picked = win ? await dialog.showOpenDialog(win, dialogOptions) : await dialog.showOpenDialog(dialogOptions)
    const path = picked.filePaths[0]
    if (picked.canceled || !path) return null
    return { name: basename(path), bytes: new Uint8Array(await readFile(path)) }
  })

  ipcMain.handle(IPC.host.saveFile, async (event, raw: unknown): Promise<boolean> => {
    const options = saveFileOptions.parse(raw)
    const path = await askSavePath(event, options.defaultName, options.title, options.filters)
    if (!path) return false
    await writeFile(path, options.data)
    return true
  })

  ipcMain.handle(IPC.host.printToPdf, async (event, raw: unknown): Promise<boolean> => {
    const options = printToPdfOptions.parse(raw)
    const pdf = await event.sender.printToPDF({ printBackground: true, pageSize: 'A4' })
    const path = await askSavePath(event, options.defaultName, undefined, [{ name: 'PDF', extensions: ['pdf'] }])
    if (!path) return false
    await writeFile(path, pdf)
    return true
  })

  ipcMain.handle(IPC.host.relaunch, async () => {
    await beforeRelaunch()
    app.relaunch()
    app.exit(0)
  })
}

async function askSavePath(event: IpcMainInvokeEvent, defaultName: string, title?: string, fileFilters?: Array<{ name: string; extensions: string[] }>) {
  const win = windowOf(event)
  const dialogOptions = { defaultPath: defaultName, ...(title ? { title } : {}), ...(fileFilters ? { filters: fileFilters } : {}) }
  const chosen = win ? await dialog.showSaveDialog(win, dialogOptions) : await dialog.showSaveDialog(dialogOptions)
  return chosen.canceled || !chosen.filePath ? null : chosen.filePath
}
