/**
 * Prints the path of a cached small benchmark facility (tests/bench/facility.ts) for the e2e specs. Run with tsx in a
 * child process: Playwright's own loader cannot import the core (its JSON imports need import attributes).
 *
 *   tsx tests/e2e/facilityFile.ts <seed> <wards> <residentsPerWard> <past>
 */
import { ensureBenchFacility } from '../bench/facility'

const [seed, wards, residentsPerWard, past] = process.argv.slice(2).map(Number)
if ([seed, wards, residentsPerWard, past].some((n) => !Number.isInteger(n))) throw new Error('usage: facilityFile.ts <seed> <wards> <residentsPerWard> <past>')
process.stdout.write(ensureBenchFacility({ seed: seed!, size: { wards: wards!, residentsPerWard: residentsPerWard!, past: past!, assessments: 0 } }).path)
