/**
 * Diagnostic-assessment templates: the shipped files (resources/assessment-templates/*.json, validated when this module
 * loads: a broken file stops the app and every test with its name and path) and the versions stored in config_versions
 * (kind 'assessmentTemplate'). A shipped template is stored as a version the first time an assessment uses it (or it is
 * chosen), so an assessment always points at a stored version that no later file or import can change.
 */
import type { TemplateList, TemplateVersionInfo, TemplateView } from '../../shared/contract/assessment'
import { parseTemplate, type AssessmentTemplate } from '../../shared/domain/assessment'
import beijing2021 from '../../../resources/assessment-templates/beijing-2021.json'
import generic from '../../../resources/assessment-templates/generic.json'
import { configVersion, listConfigVersions, saveConfigVersion } from '../config/configRepo'
import type { Db } from '../db/open'
import { readSetting, settingVersion } from '../db/settingsRepo'

const SOURCES: Array<[file: string, data: unknown]> = [
  ['resources/assessment-templates/beijing-2021.json', beijing2021],
  ['resources/assessment-templates/generic.json', generic],
]

export const SHIPPED_TEMPLATES: readonly AssessmentTemplate[] = SOURCES.map(([file, data]) => parseTemplate(data, file))
if (new Set(SHIPPED_TEMPLATES.map((t) => t.id)).size !== SHIPPED_TEMPLATES.length) throw new Error('resources/assessment-templates: two files share an id')

const shipped = (id: string) => SHIPPED_TEMPLATES.find((t) => t.id === id)

/** Every stored version (all templates), newest first, with its data: a handful of small documents. */
function storedVersions(db: Db): Array<TemplateVersionInfo & { template: AssessmentTemplate }> {
  return listConfigVersions(db, 'assessmentTemplate').map((info) => {
    const template = configVersion(db, 'assessmentTemplate', info.version)!.data
    return {
      templateId: template.id,
      version: info.version,
      label: template.version,
      name: template.name,
      province: template.province,
      effectiveDate: template.effectiveDate,
      createdAt: info.createdAt,
      createdBy: info.createdBy,
      template,
    }
  })
}

export const chosenTemplateId = (db: Db): string => readSetting(db, 'assessment.templateId')

export function templateList(db: Db): TemplateList {
  const stored = storedVersions(db)
  const ids = [...new Set([...SHIPPED_TEMPLATES.map((t) => t.id), ...stored.map((s) => s.templateId)])]
  return {
    chosenId: chosenTemplateId(db),
    version: settingVersion(db, 'assessment.templateId'),
    templates: ids.map((templateId) => {
      const versions = stored.filter((s) => s.templateId === templateId).map(({ template: _t, ...info }) => info)
      const newest = stored.find((s) => s.templateId === templateId)?.template ?? shipped(templateId)!
      return { templateId, name: newest.name, province: newest.province, shipped: shipped(templateId) !== undefined, versions }
    }),
  }
}

/** A given stored version of a template, or its newest (stored, else the shipped file with version null). */
export function templateView(db: Db, templateId: string, version: number | null): TemplateView | null {
  if (version !== null) {
    const stored = configVersion(db, 'assessmentTemplate', version)
    return stored && stored.data.id === templateId ? { version, template: stored.data } : null
  }
  const newest = storedVersions(db).find((s) => s.templateId === templateId)
  if (newest) return { version: newest.version, template: newest.template }
  const file = shipped(templateId)
  return file ? { version: null, template: file } : null
}

/** The version a new assessment uses: the newest stored version of the template, storing the shipped file if needed. */
export function templateForUse(db: Db, templateId: string, saved: { at: string; by: string }): { version: number; template: AssessmentTemplate } | null {
  const view = templateView(db, templateId, null)
  if (!view) return null
  if (view.version !== null) return { version: view.version, template: view.template }
  return { version: saveConfigVersion(db, 'assessmentTemplate', view.template, saved), template: view.template }
}

export function saveTemplateVersion(db: Db, template: AssessmentTemplate, saved: { at: string; by: string }): TemplateVersionInfo {
  const version = saveConfigVersion(db, 'assessmentTemplate', template, saved)
  return {
    templateId: template.id,
    version,
    label: template.version,
    name: template.name,
    province: template.province,
    effectiveDate: template.effectiveDate,
    createdAt: saved.at,
    createdBy: saved.by,
  }
}
