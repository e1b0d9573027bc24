#!/usr/bin/env node
// The npm registry reachable from these machines does not serve some platform-only optional packages (for example
// @rollup/rollup-android-arm-eabi answers 404), so `npm install` leaves them out of package-lock.json and `npm ci`
// then refuses the lock as out of sync. This adds each missing optional platform package to the lock with its os/cpu
// (and libc), which is what npm would have written; npm skips them on other platforms. Run after changing dependencies:
//   node .ci/lock-optional-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs'

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 's390x', 'riscv64']
const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'netbsd', 'sunos', 'aix']

function platformOf(name) {
  const base = name.split('/').pop()
  const parts = base.split('-')
  const os = parts.find((p) => OS.includes(p))
  const cpu = parts.find((p) => CPU.includes(p)) ?? (base.includes('-arm-') || base.endsWith('-arm') ? 'arm' : undefined)
  if (!os || !cpu) return null
  const libc = os === 'linux' ? (base.includes('musl') ? 'musl' : 'glibc') : undefined
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) }
}

let added = 0
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `${path ? path + '/' : ''}node_modules/${dep}`
    const hoisted = `node_modules/${dep}`
    if (lock.packages[key] || lock.packages[hoisted]) continue
    const platform = platformOf(dep)
    if (!platform) continue
    lock.packages[hoisted] = { version, ...platform, dev: entry.dev, optional: true }
    added++
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))))
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n')
console.log(`added ${added} optional platform packages to package-lock.json`)
