import { Alert, Group, Paper, Skeleton, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertOctagon, IconClipboardList } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import type { Output } from '@shared/contract'
import type { AssessmentSetting } from '@shared/domain/psych'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { PeriodBadge } from '../../../components/PeriodBadge'
import { translateFieldError } from '../../../i18n/errorText'
import { todayIso } from '../../../lib/format'
import { isValidUuid } from '../../../lib/ids'
import { useFacility } from '../../shell/useFacility'
import { PersonPicker } from '../PersonPicker'
import { useInstruments } from '../psychUi'
import { AssessmentEntry } from './AssessmentEntry'
import { checkDate, SetupFields, type SetupValues } from './SetupFields'

/** Notifies about a saved assessment and any follow-up tasks its flags opened. */
export function useSavedNotice(): (output: Output<'psych:submitAssessment'>, name: string) => void {
  const { t } = useTranslation()
  return (output, name) => {
    notifications.show({ color: 'teal', title: t('common.success'), message: t('psych.assess.saved', { name }) })
    if (output.taskIds.length > 0) {
      notifications.show({ color: 'red', title: t('psych.assess.tasksOpenedTitle'), message: t('psych.assess.tasksOpened', { count: output.taskIds.length }), autoClose: 8000 })
    }
  }
}

/** /psych/assess?personId=…&instrumentId=…: one assessment for one person. */
export function AssessPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const personId = params.get('personId') ?? ''
  if (!isValidUuid(personId)) {
    return (
      <>
        <PageHeader title={t('psych.assess.title')} subtitle={t('psych.assess.pickPersonHint')} back={{ to: '/psych', label: t('psych.title') }} />
        <Paper p="lg" maw={560}>
          <PersonPicker
            label={t('psych.assess.pickPerson')}
            autoFocus
            onPick={(p) => {
              const next = new URLSearchParams(params)
              next.set('personId', p.id)
              setParams(next, { replace: true })
            }}
          />
        </Paper>
      </>
    )
  }
  return <AssessForPerson key={personId} personId={personId} />
}

function AssessForPerson({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const today = useFacility().data?.today ?? todayIso()
  const person = useApiQuery('people:get', { id: personId })
  const history = useApiQuery('psych:personAssessments', { personId })
  const instruments = useInstruments()
  const notice = useSavedNotice()
  const [setting, setSetting] = useState<AssessmentSetting | null>(null)
  const [date, setDate] = useState<string | null>(null)

  const instrumentId = params.get('instrumentId')
  const instrument = instruments.data?.find((i) => i.id === instrumentId) ?? null
  const hasAny = (history.data ?? []).some((a) => !a.voided)
  const values: SetupValues = {
    instrumentId: instrument?.id ?? null,
    setting: setting ?? (hasAny ? 'periodic' : 'admission'),
    date: date ?? today,
  }
  const checked = checkDate(values.date, today)
  const loading = person.isPending || history.isPending || instruments.isPending
  const error = person.error ?? history.error ?? instruments.error

  const onChange = (patch: Partial<SetupValues>) => {
    if (patch.setting) setSetting(patch.setting)
    if (patch.date !== undefined) setDate(patch.date)
    if (patch.instrumentId) {
      const next = new URLSearchParams(params)
      next.set('instrumentId', patch.instrumentId)
      setParams(next, { replace: true })
    }
  }

  const back = { to: `/people/${personId}?tab=psych`, label: person.data?.identity.name ?? t('people.title') }
  return (
    <>
      <PageHeader
        back={back}
        title={t('psych.assess.title')}
        subtitle={
          person.data ? (
            <Group gap={8} component="span">
              <Text span fw={500} c="dark" data-testid="assess-person">
                {person.data.identity.name}
              </Text>
              <Text span>
                {person.data.wardName ?? t('file.noWard')} · {person.data.idNumberMasked}
              </Text>
              <PeriodBadge period={person.data.period} size="sm" />
            </Group>
          ) : undefined
        }
      />
      {error && <ErrorAlert error={error} />}
      {loading && !error && <Skeleton h={120} />}
      {person.data?.voided && (
        <Alert color="red" icon={<IconAlertOctagon size={18} />}>
          {t('psych.assess.personVoided')}
        </Alert>
      )}
      {!loading && !error && person.data && !person.data.voided && instruments.data && (
        <Stack gap="md">
          <Paper p="md">
            <SetupFields
              instruments={instruments.data}
              values={values}
              onChange={onChange}
              today={today}
              dateError={checked.key ? translateFieldError(checked.key) : null}
            />
          </Paper>
          {instrument ? (
            <AssessmentEntry
              key={instrument.id}
              personId={personId}
              instrument={instrument}
              setting={values.setting}
              date={checked.date}
              onSaved={(output) => {
                notice(output, person.data.identity.name)
                void navigate(`/psych/assessments/${output.id}`)
              }}
            />
          ) : (
            <Paper>
              <EmptyState icon={<IconClipboardList size={24} />} title={t('psych.assess.pickInstrument')} hint={t('psych.assess.pickInstrumentHint')} />
            </Paper>
          )}
        </Stack>
      )}
    </>
  )
}
