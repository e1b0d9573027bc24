/**
 * The fitness standards: the shipped norms files (resources/norms/*.json), each validated when this module loads — a
 * broken shipped file stops the app and every test with its name and path — plus files a facility drops into a folder
 * given at start-up (`loadExtraStandards`), which are validated one by one and reported, never taking the app down.
 * Adding a standard is adding a file: no code names a standard except DEFAULT_STANDARD_ID.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseFitnessStandard, type FitnessStandard } from '../../shared/domain/fitness'

declare global {
  interface ImportMeta {
    /** Vite's glob import (electron-vite, vitest); absent under tsx, where the folder is read instead. */
    glob(pattern: string, options: { eager: true; import: 'default' }): Record<string, unknown>
  }
}

export const DEFAULT_STANDARD_ID = 'GTY-2003-adult'

/** How the shipped files were found: Vite's glob (electron-vite bundle, vitest) or reading the folder (tsx: the CLI). */
export let shippedNormsLoadedBy: 'vite-glob' | 'folder' = 'vite-glob'

function shippedSources(): Array<[file: string, data: unknown]> {
  let globbed: Record<string, unknown> | undefined
  try {
    globbed = import.meta.glob('../../../resources/norms/*.json', { eager: true, import: 'default' })
  } catch {
    globbed = undefined // tsx (the CLI): no Vite transform
  }
  if (globbed) return Object.entries(globbed).map(([path, data]) => [`resources/norms/${basename(path)}`, data])
  shippedNormsLoadedBy = 'folder'
  const dir = fileURLToPath(new URL('../../../resources/norms/', import.meta.url))
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [`resources/norms/${f}`, JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown])
}

const key = (s: FitnessStandard) => `${s.id}@${s.version}`

export const FITNESS_STANDARDS: readonly FitnessStandard[] = shippedSources().map(([file, data]) => parseFitnessStandard(data, file))
{
  const keys = new Set(FITNESS_STANDARDS.map(key))
  if (keys.size !== FITNESS_STANDARDS.length) throw new Error('resources/norms: two files share an id and version')
}

/** Standards added from the facility's folder at start-up (see loadExtraStandards), and the files refused then. */
let extraStandards: FitnessStandard[] = []
let extraProblems: ExtraStandardsLoad['errors'] = []

/** The facility's standard files that were refused at the last load, each with why (shown to administrators). */
export function extraStandardProblems(): ExtraStandardsLoad['errors'] {
  return extraProblems
}

export function listFitnessStandards(): readonly FitnessStandard[] {
  return [...FITNESS_STANDARDS, ...extraStandards]
}

/** The standard with this id: the given version, or else its latest (versions compared as text, e.g. "2003" < "2023"). */
export function getFitnessStandard(id: string, version?: string): FitnessStandard | undefined {
  const matching = listFitnessStandards().filter((s) => s.id === id && (version === undefined || s.version === version))
  return matching.sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true }))[0]
}

export interface ExtraStandardsLoad {
  standards: FitnessStandard[]
  errors: Array<{ file: string; message: string }>
}

/**
 * Reads every *.json in `dir` (e.g. `<userData>/norms/`), validates each, and adds the good ones to the standards in
 * use (replacing what an earlier call added). A bad file, or one whose id and version another standard already has, is
 * reported with its name and left out; a missing folder is simply no extra standards.
 */
export function loadExtraStandards(dir: string): ExtraStandardsLoad {
  const result: ExtraStandardsLoad = { standards: [], errors: [] }
  let files: string[]
  try {
    files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.json')).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') result.errors.push({ file: dir, message: (error as Error).message })
    extraStandards = []
    extraProblems = result.errors
    return result
  }
  const taken = new Set(FITNESS_STANDARDS.map(key))
  for (const f of files) {
    const file = join(dir, f)
    try {
      const standard = parseFitnessStandard(JSON.parse(readFileSync(file, 'utf8')) as unknown, file)
      if (taken.has(key(standard))) throw new Error(`${file}: standard ${standard.id} version ${standard.version} is already loaded from another file`)
      taken.add(key(standard))
      result.standards.push(standard)
    } catch (error) {
      const message = error instanceof SyntaxError ? `${file}: not valid JSON: ${error.message}` : (error as Error).message
      result.errors.push({ file, message })
    }
  }
  extraStandards = result.standards
  extraProblems = result.errors
  return result
}
