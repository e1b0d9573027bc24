/**
 * No runtime import cycle in electron/core or electron/shared. A cycle makes module start-up order decide whether an
 * import is still undefined when it is used (set-up loaded the demo generator, which imported set-up). Type-only
 * imports are erased at build time and do not count.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
const SCANNED = ['electron/core', 'electron/shared'].map((d) => join(ROOT, d))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : []
  })
}

/** `import … from '…'`, `export … from '…'` and `import '…'`; the clause never holds `=`, `(` or `;`. */
const FROM = /^\s*(import|export)\s+([^;=()]*?)\s*from\s*['"]([^'"]+)['"]/gm
const BARE = /^\s*import\s+['"]([^'"]+)['"]/gm

/** An import that brings in values (not `import type`, not only `type` names). */
function isRuntime(clause: string): boolean {
  if (/^type\s/.test(clause)) return false
  const named = /^\{([^}]*)\}$/.exec(clause.trim())
  if (!named) return true
  const names = named[1]!.split(',').map((n) => n.trim()).filter(Boolean)
  return names.some((n) => !n.startsWith('type '))
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  const base = resolve(dirname(from), specifier)
  for (const candidate of [base + '.ts', join(base, 'index.ts'), base]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate
  }
  return null
}

function runtimeImportGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const targets: string[] = []
    for (const m of text.matchAll(FROM)) if (isRuntime(m[2]!)) targets.push(m[3]!)
    for (const m of text.matchAll(BARE)) targets.push(m[1]!)
    graph.set(file, targets.map((t) => resolveImport(file, t)).filter((t): t is string => t !== null && SCANNED.some((d) => t.startsWith(d))))
  }
  return graph
}

/** Every cycle's files, one list per strongly connected component of more than one file (or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0
  const indices = new Map<string, number>()
  const lowlink = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string) => {
    indices.set(v, index)
    lowlink.set(v, index++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w)
        lowlink.set(v, Math.min(lowlink.get(v)!, lowlink.get(w)!))
      } else if (onStack.has(w)) lowlink.set(v, Math.min(lowlink.get(v)!, indices.get(w)!))
    }
    if (lowlink.get(v) === indices.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.map((f) => relative(ROOT, f)).sort())
    }
  }
  for (const v of graph.keys()) if (!indices.has(v)) visit(v)
  return found
}

describe('runtime imports', () => {
  const graph = runtimeImportGraph(SCANNED.flatMap(sourceFiles))

  it('reads the import graph (a sanity check of the parser)', () => {
    const deps = (file: string) => (graph.get(join(ROOT, file)) ?? []).map((f) => relative(ROOT, f))
    expect(deps('electron/core/facility/setupService.ts')).toContain('electron/core/demo/generate.ts')
    expect(deps('electron/core/people/peopleService.ts')).toContain('electron/core/people/peopleRepo.ts')
    // Type-only imports are not edges.
    expect(deps('electron/core/people/peopleService.ts')).not.toContain('electron/core/handlerTypes.ts')
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c'].map((f) => relative(ROOT, f)).sort()])
  })

  it('has no cycle in electron/core or electron/shared', () => {
    expect(cycles(graph)).toEqual([])
  })

  it('no service imports the dispatcher', () => {
    const dispatcher = join(ROOT, 'electron/core/dispatch.ts')
    const services = [...graph.keys()].filter((f) => f.endsWith('Service.ts'))
    expect(services.length).toBeGreaterThan(5)
    expect(services.filter((f) => graph.get(f)!.includes(dispatcher)).map((f) => relative(ROOT, f))).toEqual([])
    // Not even for its types (they live in handlerTypes.ts). TEMPORARY: psych services are being converted (issue 7).
    const pending = join(ROOT, 'electron/core/psych/')
    const typeImports = services.filter((f) => !f.startsWith(pending) && /from '\.\.?\/(\.\.\/)*dispatch'/.test(readFileSync(f, 'utf8')))
    expect(typeImports.map((f) => relative(ROOT, f))).toEqual([])
  })
})
