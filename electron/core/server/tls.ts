/**
 * STUB (helper H4, issue 15): a placeholder so the client branch compiles. The real module comes from the server
 * helper's branch and replaces this file at merge; keep theirs.
 */
export interface FacilityCertificates {
  caCertPem: string
  certPem: string
  keyPem: string
  fingerprint: string
  notAfter: string
  created: boolean
}

export function ensureFacilityCertificates(_options: { dir: string; names: string[] }): FacilityCertificates {
  throw new Error('ensureFacilityCertificates: stub (the server helper provides electron/core/server/tls.ts)')
}
