import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { IconChevronLeft, IconChevronRight, IconPrinter } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useNavigate, useParams } from 'react-router'
import type { WardDailyLogPage, WardDay } from '@shared/contract'
import { addDays, isValidIsoDate } from '@shared/domain/dates'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { PageHeader } from '../../../components/PageHeader'
import { translateFieldError } from '../../../i18n/errorText'
import { formatInstant } from '../../../lib/format'
import { useCan, useCanWriteInWard } from '../../auth/UserContext'
import { useFacility } from '../../shell/useFacility'
import { DayCounts, DayLists } from './DayParts'

/** /wards/:wardId/log/:date (or /today) — the ward daily log (大队日志): the day's counts from the records, incidents and notes typed, saved with its revision. */
export function WardLogPage() {
  const { wardId = '', date = '' } = useParams()
  const facility = useFacility()
  if (date === 'today') {
    if (!facility.data) return <Skeleton h={300} />
    return <Navigate replace to={`/wards/${wardId}/log/${facility.data.today}`} />
  }
  if (!isValidIsoDate(date)) return <NotFound />
  return <LogView key={`${wardId}-${date}`} wardId={wardId} date={date} />
}

function LogView({ wardId, date }: { wardId: string; date: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const page = useApiQuery('wardwork:log', { wardId, date })
  const day = useApiQuery('wardwork:wardDay', { wardId, date })
  // Kept here: a conflict reloads the log, which remounts the form with the latest revision and must still say why.
  const [conflict, setConflict] = useState(false)
  const header = (
    <PageHeader
      back={{ to: `/wards/${wardId}`, label: page.data?.wardName ?? '' }}
      title={t('wardwork.log.title', { ward: page.data?.wardName ?? '' })}
      actions={
        <Group gap="xs">
          <Button variant="default" leftSection={<IconChevronLeft size={16} />} onClick={() => void navigate(`/wards/${wardId}/log/${addDays(date, -1)}`)}>
            {t('wardwork.log.prev')}
          </Button>
          <DateField w={150} aria-label={t('wardwork.log.date')} value={date} onChange={(v) => isValidIsoDate(v) && v !== date && void navigate(`/wards/${wardId}/log/${v}`)} />
          <Button
            variant="default"
            rightSection={<IconChevronRight size={16} />}
            disabled={!page.data || date >= page.data.today}
            onClick={() => void navigate(`/wards/${wardId}/log/${addDays(date, 1)}`)}
          >
            {t('wardwork.log.next')}
          </Button>
          <Button component={Link} to={`/print/wards/${wardId}/log/${date}`} leftSection={<IconPrinter size={16} />} variant="default" data-testid="ww-log-print">
            {t('wardwork.log.print')}
          </Button>
        </Group>
      }
    />
  )
  if (page.isError || day.isError) {
    return (
      <Stack>
        {header}
        <ErrorAlert error={page.error ?? day.error} onRetry={() => void page.refetch()} />
      </Stack>
    )
  }
  return (
    <Stack gap="md" data-testid="ww-log-page">
      {header}
      {page.data ? (
        <LogBody
          key={`${page.data.date}-${page.data.log?.id ?? 'new'}-${page.data.log?.revision ?? 0}`}
          page={page.data}
          day={day.data}
          conflict={conflict}
          setConflict={setConflict}
          onReload={() => void page.refetch()}
        />
      ) : (
        <Skeleton h={400} />
      )}
    </Stack>
  )
}

const EMPTY = { incidents: '', visitsSummary: '', notes: '', onDuty: '' }

function LogBody(props: { page: WardDailyLogPage; day: WardDay | undefined; conflict: boolean; setConflict: (v: boolean) => void; onReload: () => void }) {
  const { page, day, conflict, setConflict, onReload } = props
  const { t } = useTranslation()
  const can = useCan()
  const canWriteIn = useCanWriteInWard()
  const future = page.date > page.today
  const writable = can('wardwork.record') && canWriteIn(page.wardId) && !future
  const fromLog = (l: WardDailyLogPage['log']) =>
    l ? { incidents: l.incidents ?? '', visitsSummary: l.visitsSummary ?? '', notes: l.notes ?? '', onDuty: l.onDuty ?? '' } : EMPTY
  const [values, setValues] = useState(fromLog(page.log))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const revision = page.log?.revision
  const save = useApiMutation('wardwork:saveLog', { notifyError: false })
  const changed = page.log !== null && JSON.stringify(page.log.counts) !== JSON.stringify(page.computed)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setErrors({})
    setConflict(false)
    const blank = (v: string) => (v.trim() === '' ? null : v)
    save.mutate(
      { wardId: page.wardId, date: page.date, revision, incidents: blank(values.incidents), visitsSummary: blank(values.visitsSummary), notes: blank(values.notes), onDuty: blank(values.onDuty) },
      {
        onError: (error) => {
          if (isApiCallError(error) && error.code === 'conflict') {
            setConflict(true)
            onReload()
          } else setErrors(isApiCallError(error) && error.fields ? error.fields : { _: error.message })
        },
      },
    )
  }
  const field = (name: keyof typeof EMPTY, rows: number) => (
    <Textarea
      label={t(`wardwork.log.${name}`)}
      value={values[name]}
      onChange={(e) => {
        const v = e.currentTarget.value
        setValues((s) => ({ ...s, [name]: v }))
      }}
      autosize
      minRows={rows}
      readOnly={!writable}
      error={errors[name] ? translateFieldError(errors[name]) : undefined}
      data-testid={`ww-log-${name}`}
    />
  )

  return (
    <>
      <Paper p="lg">
        <Text fw={600} mb="sm">
          {t('wardwork.log.counts')}
        </Text>
        {changed && (
          <Alert color="yellow" mb="sm">
            {t('wardwork.log.countsChanged')}
          </Alert>
        )}
        <DayCounts counts={page.computed} />
      </Paper>
      <Paper p="lg" component="form" onSubmit={submit}>
        <Stack>
          {future && <Alert color="orange">{t('wardwork.log.future')}</Alert>}
          {!future && !writable && <Alert color="gray">{t('wardwork.log.readOnly')}</Alert>}
          {conflict && (
            <Alert color="red" data-testid="ww-log-conflict">
              {t('wardwork.log.conflict')}
            </Alert>
          )}
          {field('incidents', 3)}
          {field('visitsSummary', 2)}
          {field('notes', 3)}
          <TextInput
            label={t('wardwork.log.onDuty')}
            value={values.onDuty}
            onChange={(e) => {
              const v = e.currentTarget.value
              setValues((s) => ({ ...s, onDuty: v }))
            }}
            readOnly={!writable}
            error={errors.onDuty ? translateFieldError(errors.onDuty) : undefined}
            maw={420}
            data-testid="ww-log-onDuty"
          />
          {errors.date && <Alert color="red">{translateFieldError(errors.date)}</Alert>}
          {errors._ && <Alert color="red">{errors._}</Alert>}
          <Group justify="space-between">
            <Text fz="sm" c="dimmed" data-testid="ww-log-status">
              {page.log ? t('wardwork.log.saved', { revision: page.log.revision, name: page.log.updatedByName, at: formatInstant(page.log.updatedAt) }) : t('wardwork.log.notSaved')}
            </Text>
            {writable && (
              <Button type="submit" loading={save.isPending} data-testid="ww-log-save">
                {t('wardwork.log.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      <Paper p="lg">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{t('wardwork.log.dayLists')}</Text>
          <Anchor component={Link} to={`/wards/${page.wardId}/records?from=${page.date}&to=${page.date}`} fz="sm">
            {t('wardwork.recordsLink')}
          </Anchor>
        </Group>
        {day ? <DayLists day={day} /> : <SimpleGrid cols={2}><Skeleton h={80} /></SimpleGrid>}
      </Paper>
    </>
  )
}
