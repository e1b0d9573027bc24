import { ensureBenchFacility } from './facility'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
const dir = mkdtempSync(join(tmpdir(), 'bf-'))
const f = ensureBenchFacility({ seed: 7, size: { wards: 4, residentsPerWard: 150, past: 2000, assessments: 20000 }, cacheDir: dir })
console.log(f)
