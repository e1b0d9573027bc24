import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { IconAlertTriangle, IconFileText, IconPrinter, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { EvidenceSnapshot } from '@shared/contract'
import { ASSESSMENT_POINTS, RECOMMENDATIONS, componentServes, type AssessmentTemplate, type ComponentId } from '@shared/domain/assessment'
import { PERIODS, type Period } from '@shared/domain/periods'
import type { TermResult } from '@shared/domain/term'
import { useApiMutation } from '../../../api/hooks'
import { isApiCallError } from '../../../api/errors'
import { DateField } from '../../../components/DateField'
import { ReasonModal } from '../../../components/ReasonModal'
import { translateFieldError } from '../../../i18n/errorText'
import { OverallBadge, ResultBadge, useBilingual } from '../assessmentUi'
import { ItemRow } from './ItemRow'
import { TermConstraints } from './TermConstraints'
import { itemKey, useAssessmentForm, type FormState } from './useAssessmentForm'

export interface EditorSource {
  personId: string
  personName: string
  idNumberMasked: string
  wardName: string | null
  template: AssessmentTemplate
  /** Stored version, or null: the shipped file (stored when saved). */
  templateVersion: number | null
  evidence: Map<string, { evidence: EvidenceSnapshot | null; suggested: number | null }>
  term: TermResult | null
  approvedExtensionMonths: number
  /** Editing an existing assessment. */
  existing: { id: string; revision: number; status: 'draft' | 'final'; voided: boolean } | null
  initial: Omit<FormState, 'recommendationTouched'>
  canWrite: boolean
}

/** The diagnostic-assessment form: each component's items with evidence, live results, the recommendation and its legal conditions. */
export function AssessmentEditor({ source }: { source: EditorSource }) {
  const { t } = useTranslation()
  const text = useBilingual()
  const navigate = useNavigate()
  const { template } = source
  const { state, setState, score, suggested, recommendation, toInput, itemOfPath } = useAssessmentForm(template, source.initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [voiding, setVoiding] = useState(false)
  const readOnly = !source.canWrite || (source.existing?.voided ?? false)
  const record = useApiMutation('assessment:record', { onSuccess: (out) => void navigate(`/assessments/${out.id}`, { replace: true }) })
  const update = useApiMutation('assessment:update')
  const voidIt = useApiMutation('assessment:void')

  // Shown before submit: the conditions the core will enforce on the recommendation.
  const recommendationProblem = (): string | null => {
    if (recommendation === 'propose_early_release') {
      if (source.term?.earlyReleaseBarredBy === 'escape') return t('assessment.constraints.barredEscape')
      if (source.term?.earlyReleaseBarredBy === 'recorded_bar') return t('assessment.constraints.barredBar', { reason: '' })
    }
    return null
  }

  const submit = (status: 'draft' | 'final') => {
    const local = recommendationProblem()
    if (local) {
      setErrors({ recommendation: local })
      return
    }
    setErrors({})
    const input = toInput(status)
    const onError = (e: Error) => {
      if (!isApiCallError(e) || !e.fields) return
      const shown: Record<string, string> = {}
      for (const [path, key] of Object.entries(e.fields)) {
        const item = itemOfPath(path, status)
        const field = path.split('.').at(-1)!
        shown[item ? `${item}|${field}` : path] = translateFieldError(key)
      }
      setErrors(shown)
    }
    if (source.existing) update.mutate({ id: source.existing.id, revision: source.existing.revision, ...input }, { onError })
    else record.mutate({ personId: source.personId, ...input }, { onError })
  }

  const set = (patch: Partial<FormState>) => setState((s) => ({ ...s, ...patch }))
  const busy = record.isPending || update.isPending
  const versionText = source.templateVersion === null ? template.version : `${template.version} · v${source.templateVersion}`

  return (
    <Stack gap="md" data-testid="assessment-editor">
      <Paper p="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>
              {source.personName}
              <Text span c="dimmed" fz="sm" ml="sm">
                {source.idNumberMasked} · {source.wardName ?? '—'}
              </Text>
            </Title>
            <Text fz="sm" c="dimmed">
              {t('assessment.fields.template')}：{text(template.name)}（{versionText}）
            </Text>
          </div>
          {source.existing && (
            <Group gap="xs">
              <Badge variant="light">{t(`assessment.status.${source.existing.status}`)}</Badge>
              {source.existing.voided && <Badge color="red">{t('assessment.voided')}</Badge>}
              <Button component={Link} to={`/print/diag-assessment/${source.existing.id}?doc=form`} size="xs" variant="default" leftSection={<IconPrinter size={14} />} data-testid="assessment-print-form">
                {t('assessment.printForm')}
              </Button>
              <Button component={Link} to={`/print/diag-assessment/${source.existing.id}?doc=notice`} size="xs" variant="default" leftSection={<IconFileText size={14} />} data-testid="assessment-print-notice">
                {t('assessment.printNotice')}
              </Button>
              {!readOnly && (
                <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setVoiding(true)}>
                  {t('assessment.void')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 4 }} mt="md">
          <Select
            label={t('assessment.fields.point')}
            data={ASSESSMENT_POINTS.filter((p) => template.points.includes(p)).map((p) => ({ value: p, label: t(`assessment.points.${p}`) }))}
            value={state.point}
            onChange={(v) => v && set({ point: v as FormState['point'] })}
            allowDeselect={false}
            readOnly={readOnly}
            error={errors.point}
            data-testid="assessment-point"
          />
          {state.point === 'stage' && (
            <Select
              label={t('assessment.fields.stagePeriod')}
              data={PERIODS.map((p) => ({ value: p, label: t(`assessment.periods.${p}`) }))}
              value={state.stagePeriod}
              onChange={(v) => set({ stagePeriod: (v as Period | null) ?? null })}
              readOnly={readOnly}
              error={errors.stagePeriod}
            />
          )}
          <DateField label={t('assessment.fields.assessedOn')} value={state.assessedOn} onChange={(v) => set({ assessedOn: v })} readOnly={readOnly} error={errors.assessedOn} data-testid="assessment-date" />
          <TextInput label={t('assessment.fields.assessors')} value={state.assessors} onChange={(e) => set({ assessors: e.currentTarget.value })} readOnly={readOnly} error={errors.assessors} data-testid="assessment-assessors" />
        </SimpleGrid>
      </Paper>

      {template.components.map((c) => {
        const scored = score.components.find((s) => s.id === c.id)!
        const applies = componentServes(c, state.point)
        return (
          <Paper key={c.id} p="md" opacity={applies ? 1 : 0.55} data-testid={`component-${c.id}`}>
            <Group justify="space-between" mb="xs">
              <Group gap="xs">
                <Title order={4}>{t(`assessment.components.${c.id}`)}</Title>
                {c.unverified && (
                  <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} />} title={t('assessment.unverified')}>
                    UNVERIFIED
                  </Badge>
                )}
              </Group>
              {applies ? (
                <Group gap="xs">
                  <Text fz="sm" className="tabular" data-testid={`component-${c.id}-points`}>
                    {t('assessment.pointsOf', { points: scored.points, max: scored.maxPoints })}
                  </Text>
                  <ResultBadge result={scored.result} />
                </Group>
              ) : (
                <Text fz="sm" c="dimmed">
                  {t('assessment.notApplicable')}
                </Text>
              )}
            </Group>
            <Text fz="xs" c="dimmed" mb="xs">
              {c.passRule.kind === 'all_items'
                ? t('assessment.passRule.all_items')
                : t('assessment.passRule.min_points', { points: c.passRule.points, result: t(`assessment.results.${c.id === 'social' ? 'good' : 'pass'}`) })}
              {c.unverified ? ` · ${t('assessment.unverified')}` : ''}
            </Text>
            {applies && (
              <Table verticalSpacing={6} layout="fixed">
                <colgroup>
                  <col style={{ width: '34%' }} />
                  <col style={{ width: '28%' }} />
                  <col style={{ width: 170 }} />
                  <col />
                </colgroup>
                <Table.Tbody>
                  {c.items.map((item) => {
                    const key = itemKey(c.id as ComponentId, item.id)
                    const ev = source.evidence.get(key) ?? { evidence: null, suggested: null }
                    return (
                      <ItemRow
                        key={key}
                        testId={`item-${c.id}-${item.id}`}
                        personId={source.personId}
                        item={item}
                        evidence={ev.evidence}
                        suggested={ev.suggested}
                        value={state.items[key] ?? { points: null, note: '' }}
                        readOnly={readOnly}
                        errors={{ points: errors[`${key}|points`], note: errors[`${key}|note`], itemId: errors[`${key}|itemId`] }}
                        onChange={(v) => setState((s) => ({ ...s, items: { ...s.items, [key]: v } }))}
                      />
                    )
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        )
      })}

      <Paper p="md">
        <Group mb="sm">
          <Text fw={600}>{t('assessment.fields.overall')}</Text>
          <OverallBadge a={{ overallPass: score.overallPass }} />
          {score.social && <ResultBadge result={score.social} />}
        </Group>
        {errors.items && (
          <Alert color="red" mb="sm">
            {errors.items}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack gap="xs">
            <Select
              label={t('assessment.fields.recommendation')}
              description={t('assessment.suggestion', { rec: t(`assessment.recommendations.${suggested}`) })}
              data={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`assessment.recommendations.${r}`) }))}
              value={recommendation}
              onChange={(v) => v && set({ recommendation: v as FormState['recommendation'], recommendationTouched: true })}
              allowDeselect={false}
              readOnly={readOnly}
              error={errors.recommendation}
              data-testid="assessment-recommendation"
            />
            <Textarea label={t('assessment.fields.note')} value={state.note} onChange={(e) => set({ note: e.currentTarget.value })} readOnly={readOnly} autosize minRows={2} error={errors.note} />
          </Stack>
          <TermConstraints term={source.term} approvedExtensionMonths={source.approvedExtensionMonths} />
        </SimpleGrid>
        {!readOnly && (
          <Group justify="flex-end" mt="md">
            <Button variant="default" loading={busy} onClick={() => submit('draft')} data-testid="assessment-save-draft">
              {t('assessment.saveDraft')}
            </Button>
            <Button loading={busy} onClick={() => submit('final')} data-testid="assessment-save-final">
              {t('assessment.saveFinal')}
            </Button>
          </Group>
        )}
      </Paper>
      {source.existing && (
        <ReasonModal
          opened={voiding}
          title={t('assessment.voidTitle')}
          loading={voidIt.isPending}
          onClose={() => setVoiding(false)}
          onConfirm={(reason) => voidIt.mutateAsync({ id: source.existing!.id, revision: source.existing!.revision, reason }).then(() => setVoiding(false))}
        />
      )}
    </Stack>
  )
}
