/**
 * The packaging configuration, checked without packaging: the Electron binary cannot be downloaded on these machines,
 * so electron-builder never runs here. What can be checked is checked against electron-builder's own code and data:
 * its configuration schema, its file-pattern semantics (minimatch with dot files, last matching pattern wins), the
 * icons it will read, the entries electron-vite builds and the Node versions its tool chain accepts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { Minimatch } from 'minimatch'
import { describe, expect, it } from 'vitest'
import viteConfig from '../../electron.vite.config'

const ROOT = resolve(__dirname, '../..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string
  engines: { node: string }
  dependencies: Record<string, string>
  build: BuilderConfig
}
type Target = { target: string; arch: string[] }
type BuilderConfig = {
  files: string[]
  asarUnpack: string[]
  directories: { buildResources: string }
  linux: { target: Target[]; icon: string }
  win: { target: Target[]; icon: string }
  nsis: { installerIcon: string; uninstallerIcon: string }
}
const build = pkg.build
const requireFromRoot = createRequire(join(ROOT, 'package.json'))

// ---- electron-builder's file patterns, as app-builder-lib/out/util/filter.js applies them ----
function matchesAll(path: string, patterns: readonly string[]): boolean {
  let match = false
  for (const source of patterns) {
    const pattern = new Minimatch(source, { dot: true })
    if (match !== pattern.negate) continue
    match = pattern.match(path)
  }
  return match
}
/** App files: only what the patterns include. */
const shipsAppFile = (path: string) => matchesAll(path, build.files)
/** node_modules of production dependencies: everything, less the `files` exclusions (getNodeModuleFileMatcher). */
const shipsModuleFile = (path: string) => matchesAll(path, ['**/*', ...build.files.filter((p) => p.startsWith('!'))])
const unpacked = (path: string) => build.asarUnpack.some((p) => new Minimatch(p, { dot: true }).match(path))

// ---- what electron-vite builds (electron.vite.config.ts) ----
type Inputs = { build: { rollupOptions: { input: Record<string, string>; output?: { entryFileNames?: string } } } }
const vite = viteConfig as unknown as { main: Inputs; preload: Inputs }
const mainEntries = Object.keys(vite.main.build.rollupOptions.input).map((name) => `out/main/${name}.js`)
const preloadPattern = vite.preload.build.rollupOptions.output?.entryFileNames ?? '[name].js'
const preloadEntries = Object.keys(vite.preload.build.rollupOptions.input).map((name) => `out/preload/${preloadPattern.replace('[name]', name)}`)
const rendererEntry = 'out/renderer/index.html'
const builtOutput = existsSync(join(ROOT, 'out/main'))

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

const PACKAGE_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w./-]*)?$/i
/** Package names a module loads at run time (value imports, re-exports, dynamic imports, require). */
function bareImports(code: string): string[] {
  const found = new Set<string>()
  const patterns = [
    /\b(?:import|export)\s+(?!type\b)[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  for (const pattern of patterns) {
    for (const [, specifier] of code.matchAll(pattern)) {
      // Relative paths, the @shared alias and text in bundled string literals that merely looks like an import are not packages.
      if (!specifier || specifier.startsWith('@shared/') || !PACKAGE_NAME.test(specifier)) continue
      const parts = specifier.split('/')
      found.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!)
    }
  }
  return [...found]
}
const isBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name)

// ---- PNG and ICO headers ----
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
function pngHeader(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  expect(png.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png.readUInt8(25) }
}
function icoEntries(ico: Buffer): Array<{ size: number; png: Buffer }> {
  expect(ico.readUInt16LE(0)).toBe(0) // reserved
  expect(ico.readUInt16LE(2)).toBe(1) // icon, not cursor
  const count = ico.readUInt16LE(4)
  return Array.from({ length: count }, (_, index) => {
    const entry = 6 + index * 16
    const width = ico.readUInt8(entry) || 256
    const height = ico.readUInt8(entry + 1) || 256
    expect(height).toBe(width)
    const length = ico.readUInt32LE(entry + 8)
    const offset = ico.readUInt32LE(entry + 12)
    expect(offset + length).toBeLessThanOrEqual(ico.length)
    return { size: width, png: ico.subarray(offset, offset + length) }
  })
}

// ---- Node version ranges as npm's engines field writes them (enough of semver for the ranges found) ----
export function nodeAccepts(range: string, version: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number]
  const parse = (v: string) => v.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : undefined))
  const compare = (v: string) => {
    const [a = 0, b = 0, c = 0] = parse(v)
    return major - a || minor - b || patch - c
  }
  const satisfies = (comparator: string): boolean => {
    const [, op = '', v = ''] = /^(>=|<=|>|<|=|\^|~)?v?(.*)$/.exec(comparator) ?? []
    if (v === '*' || v === 'x' || v === '') return true
    const [a, b] = parse(v)
    if (op === '>=') return compare(v) >= 0
    if (op === '>') return compare(v) > 0
    if (op === '<') return compare(v) < 0
    if (op === '<=') return compare(v) <= 0
    if (op === '^') return major === a && compare(v) >= 0
    if (op === '~') return major === a && minor === (b ?? minor) && compare(v) >= 0
    return major === a && (b === undefined || minor === b) // "20", "6.*", "20.x", "=20.19.0" treated by major.minor
  }
  return range.split('||').some((alternative) =>
    alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).every(satisfies),
  )
}

/** Every package in a package's dependency closure, resolved the way Node resolves it (nearest node_modules). */
function dependencyClosure(name: string): Map<string, { version: string; node?: string }> {
  const seen = new Map<string, { version: string; node?: string }>()
  const locate = (dep: string, from: string): string | undefined => {
    for (let dir = from; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', dep, 'package.json')
      if (existsSync(candidate)) return candidate
      if (dirname(dir) === dir) return undefined
    }
  }
  const visit = (manifestPath: string) => {
    if (seen.has(manifestPath)) return
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    seen.set(manifestPath, { version: `${manifest.name}@${manifest.version}`, node: manifest.engines?.node })
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = locate(dep, dirname(manifestPath))
      if (found) visit(found)
    }
  }
  visit(join(ROOT, 'node_modules', name, 'package.json'))
  return seen
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>
    }
    await expect(validateConfiguration(build, { isEnabled: false, add: () => {} })).resolves.toBeUndefined()
    // and the validation does reject a misspelt key, so the check above means something
    await expect(validateConfiguration({ ...build, linx: {} }, { isEnabled: false, add: () => {} })).rejects.toThrow(/configuration/)
  })

  it('targets Windows NSIS on x64 and Linux AppImage and deb on x64 and arm64', () => {
    expect(build.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    const linux = Object.fromEntries(build.linux.target.map((t) => [t.target, [...t.arch].sort()]))
    expect(linux).toEqual({ AppImage: ['arm64', 'x64'], deb: ['arm64', 'x64'] })
  })

  it('has Linux icons of 512 and 256 px, named as electron-builder reads a folder of icons', () => {
    const folder = join(ROOT, build.linux.icon)
    const names = readdirSync(folder).sort()
    expect(names).toEqual(['256x256.png', '512x512.png'])
    for (const name of names) {
      const size = Number(name.split('x')[0])
      expect(pngHeader(readFileSync(join(folder, name)))).toEqual({ width: size, height: size, colourType: 6 })
    }
  })

  it('has a Windows .ico with PNG entries from 16 to 256 px, used by the app, the installer and the uninstaller', () => {
    expect(build.nsis.installerIcon).toBe(build.win.icon)
    expect(build.nsis.uninstallerIcon).toBe(build.win.icon)
    const entries = icoEntries(readFileSync(join(ROOT, build.win.icon)))
    expect(entries.map((e) => e.size)).toEqual(expect.arrayContaining([16, 32, 48, 256]))
    for (const { size, png } of entries) expect(pngHeader(png)).toEqual({ width: size, height: size, colourType: 6 })
  })
})

describe('what goes into the package', () => {
  it("names electron-vite's main entry as the app's main", () => {
    expect(mainEntries).toContain(pkg.main)
    expect(mainEntries).toEqual(['out/main/index.js', 'out/main/backendWorker.js'])
  })

  it('the main process looks for the worker, the preload and the page where electron-vite writes them', () => {
    const mainSource = readFileSync(join(ROOT, 'electron/main/index.ts'), 'utf8')
    // The worker is started from the file beside the main bundle (both in out/main/).
    expect(mainSource).toContain(`'backendWorker.js'`)
    expect(mainEntries).toContain('out/main/backendWorker.js')
    expect(preloadEntries).toEqual(['out/preload/index.cjs'])
    expect(mainSource).toContain(`join(app.getAppPath(), 'out', 'preload', 'index.cjs')`)
    expect(mainSource).toContain(`join(app.getAppPath(), 'out', 'renderer', 'index.html')`)
  })

  it('ships every built entry (checked against out/ when a build is there, else against the entry names)', () => {
    const expected = [...mainEntries, ...preloadEntries, rendererEntry, 'package.json']
    const built = builtOutput ? filesUnder(join(ROOT, 'out')).map((file) => relative(ROOT, file).replaceAll('\\', '/')) : []
    if (builtOutput) expect(built).toEqual(expect.arrayContaining(expected.filter((f) => f !== 'package.json')))
    for (const file of [...expected, ...built]) expect(shipsAppFile(file), file).toBe(true)
    // and leaves the sources, tests and tooling out
    for (const file of ['electron/main/index.ts', 'renderer/src/main.tsx', 'tests/unit/helpers.ts', 'scripts/make-icons.ts']) {
      expect(shipsAppFile(file), file).toBe(false)
    }
  })

  it('ships every package the main process, the worker and the preload load, and unpacks the native module', () => {
    const sources = ['main', 'core', 'preload', 'shared'].flatMap((layer) => filesUnder(join(ROOT, 'electron', layer)))
    const bundles = filesUnder(join(ROOT, 'out/main')).concat(filesUnder(join(ROOT, 'out/preload')))
    const loaded = new Set(
      [...sources.filter((f) => f.endsWith('.ts')), ...bundles].flatMap((file) => bareImports(readFileSync(file, 'utf8'))),
    )
    const packages = [...loaded].filter((name) => !isBuiltin(name) && name !== 'electron').sort()
    expect(packages).toEqual(['better-sqlite3', 'node-forge', 'pinyin-pro', 'zod'])
    for (const name of packages) {
      expect(pkg.dependencies, `${name} must be a production dependency`).toHaveProperty([name])
      expect(shipsModuleFile(`node_modules/${name}/package.json`), name).toBe(true)
    }
    // better-sqlite3's addon is loaded by `bindings`, which finds it through file-uri-to-path
    for (const helper of ['bindings', 'file-uri-to-path']) expect(shipsModuleFile(`node_modules/${helper}/package.json`)).toBe(true)
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
    expect(shipsModuleFile(addon)).toBe(true)
    expect(unpacked(addon)).toBe(true)
  })

  it('leaves out each production dependency only the renderer uses (bundled into out/renderer), and nothing else', () => {
    const excluded = Object.keys(pkg.dependencies).filter((name) => !shipsModuleFile(`node_modules/${name}/package.json`))
    const needed = ['better-sqlite3', 'node-forge', 'pinyin-pro', 'zod']
    expect(excluded.filter((name) => needed.includes(name))).toEqual([])
    // A new dependency is a decision: either the back end loads it, or it is listed in the exclusions.
    expect([...excluded, ...needed].sort()).toEqual(Object.keys(pkg.dependencies).sort())
    if (builtOutput) expect(statSync(join(ROOT, rendererEntry)).isFile()).toBe(true)
  })
})

describe('Node versions', () => {
  it('reads engine ranges the way npm does', () => {
    expect(nodeAccepts('>=22.12.0', '20.19.0')).toBe(false)
    expect(nodeAccepts('>= 14.0.0', '20.19.0')).toBe(true)
    expect(nodeAccepts('^12.13 || ^14.13 || >=16', '20.19.0')).toBe(true)
    expect(nodeAccepts('18 || 20 || >=22', '20.19.0')).toBe(true)
    expect(nodeAccepts('^20.19.0 || >=22.12.0', '20.18.3')).toBe(false)
    expect(nodeAccepts('>=16 || 14 >=14.17', '14.16.0')).toBe(false)
    expect(nodeAccepts('6.* || 8.* || >= 10.*', '20.19.0')).toBe(true)
  })

  it('the whole electron-builder tool chain runs on the oldest Node the project supports (no EBADENGINE)', () => {
    const oldest = /^>=\s*(\d+\.\d+(?:\.\d+)?)$/.exec(pkg.engines.node)?.[1]
    expect(oldest, 'engines.node is a ">=x.y" range').toBeDefined()
    const version = oldest!.split('.').length === 2 ? `${oldest}.0` : oldest!
    const closure = [...dependencyClosure('electron-builder').values()]
    expect(closure.length).toBeGreaterThan(50)
    const refusing = closure.filter(({ node }) => node && !nodeAccepts(node, version)).map((p) => `${p.version} wants node ${p.node}`)
    expect(refusing).toEqual([])
  })
})
