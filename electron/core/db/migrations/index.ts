import { sql as m001 } from './001_foundation'
import { sql as m002 } from './002_psychology'
import { migrate003 } from './003_config_versions'
import { sql as auditIndexes } from './004_audit_indexes'
import { sql as extensionApprovalDate } from './005_extension_approval_date'
import { sql as psychRecords } from './006_psych_records'
import { sql as peopleSearch } from './007_people_search'
import { sql as editVersions } from './008_edit_versions'
import { sql as staffWards } from './009_staff_wards'
import { sql as fitness } from './010_fitness'
import { sql as training } from './011_training'
import { sql as vocational } from './012_vocational'
import { sql as knowledge } from './013_knowledge'
import { sql as certificates } from './014_certificates'
import { sql as courseFigures } from './015_course_figures'
import { sql as assessment } from './016_assessment'
import { sql as wardRecords } from './017_ward_records'
import { migrate018 as duework } from './018_duework'
import { sql as release } from './019_release'
import { sql as handover } from './020_handover'
import { sql as aftercare } from './021_aftercare'
import { sql as dueSummary } from './022_due_summary'
import { sql as statsIndexes } from './023_stats_indexes'
import { sql as packageImports } from './024_package_imports'
import type { Migration } from './migration'

/** Numbered migrations; position n (1-based) brings the database to user_version n. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  m001, m002, migrate003, auditIndexes, extensionApprovalDate, psychRecords, peopleSearch, editVersions, staffWards, fitness, training, vocational,
  knowledge,
  certificates,
  courseFigures,
  assessment,
  wardRecords,
  duework,
  release,
  handover,
  aftercare,
  dueSummary,
  statsIndexes,
  packageImports,
]
