// Source runs only (tsx CLI, vitest): Node 20 does not apply `--import tsx` to a worker's entry file, so this plain
// module registers tsx inside the worker, then loads the TypeScript entry. Bundled builds start out/main/backendWorker.js.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.tsEntry)
