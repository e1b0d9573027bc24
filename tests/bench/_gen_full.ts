import { ensureBenchFacility } from './facility'
console.log(ensureBenchFacility({ seed: 7 }))
