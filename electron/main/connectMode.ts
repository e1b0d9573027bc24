/**
 * Connect mode's Electron wiring (issue 15): the pinned certificate as the only trust, and what happens when the server
 * presents another one or cannot be reached. The decisions are connectionPolicy.ts's; this file shows dialogs.
 */
import { X509Certificate } from 'node:crypto'
import { app, dialog, session, type BrowserWindow } from 'electron'
import { sameFingerprint } from '../core/server/pinning'
import type { ConnectionRefusal } from '../shared/connection'
import { certificateVerdict, loadFailureAction, mismatchWarning, pinOf, type StartPlan } from './connectionPolicy'

export interface ConnectModeWiring {
  plan: () => StartPlan
  /** Back to the choice screen (on the app's own page), saying why. */
  offerChoice: (refused: ConnectionRefusal) => void
  window: () => BrowserWindow | null
}

/** SHA-256 of the certificate's DER, as `AB:CD:…`; null when Chromium handed over something unreadable. */
function fingerprintOf(pem: string): string | null {
  try {
    return new X509Certificate(pem).fingerprint256
  } catch {
    return null
  }
}

/**
 * Every TLS connection of the default session is judged here, before any byte of the page: the pinned certificate for
 * the pinned host passes, everything else is refused. The first refusal of the pinned host is a changed certificate:
 * the user is warned with both fingerprints and the choice screen is offered again.
 */
export function guardServerCertificate(wiring: ConnectModeWiring): { refused: () => boolean } {
  let warned = false
  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    const plan = wiring.plan()
    const verdict = certificateVerdict(pinOf(plan), { hostname: request.hostname, presentedFingerprint: fingerprintOf(request.certificate.data) }, sameFingerprint)
    callback(verdict.result)
    if (verdict.result === 0 || !verdict.mismatch || warned || plan.kind !== 'connect') return
    warned = true
    const { expected, presented } = verdict.mismatch
    const url = plan.choice.url
    const text = mismatchWarning(url, expected, presented)
    const win = wiring.window()
    const shown = win
      ? dialog.showMessageBox(win, { type: 'error', buttons: ['确定'], ...text })
      : dialog.showMessageBox({ type: 'error', buttons: ['确定'], ...text })
    void shown.finally(() => wiring.offerChoice({ kind: 'fingerprint-changed', url, expected, presented }))
  })
  return { refused: () => warned }
}

/** A connected window whose page did not load (server off, network down): retry, change the connection, or quit. */
export function watchLoadFailures(win: BrowserWindow, wiring: ConnectModeWiring, certificateRefused: () => boolean): void {
  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    const plan = wiring.plan()
    if (loadFailureAction({ errorCode, isMainFrame }, plan, certificateRefused()) !== 'ask' || plan.kind !== 'connect') return
    void dialog
      .showMessageBox(win, {
        type: 'warning',
        title: '无法连接到机构服务器 / Cannot reach the facility server',
        message: `无法连接到机构服务器 ${plan.choice.url}。请检查网络和服务器是否开机。`,
        detail: `${errorDescription} (${errorCode})`,
        buttons: ['重试', '更改连接方式', '退出'],
        defaultId: 0,
        cancelId: 2,
      })
      .then(({ response }) => {
        if (response === 0) void win.loadURL(validatedURL || `${plan.choice.url}/`)
        else if (response === 1) wiring.offerChoice({ kind: 'unreachable', url: plan.choice.url, detail: `${errorDescription} (${errorCode})` })
        else app.quit()
      })
  })
}
