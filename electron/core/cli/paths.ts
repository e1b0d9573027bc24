import { homedir } from 'node:os'
import { join } from 'node:path'

/** Browser mode and the CLI keep their database here unless --db or XINSHENG_DB says otherwise. */
export function defaultDatabasePath(): string {
  return process.env.XINSHENG_DB || join(homedir(), '.xinsheng', 'xinsheng.db')
}
