import { Alert, Paper, Skeleton, Tabs } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconAlertOctagon, IconBrain, IconCalendarTime, IconFileText, IconHistory, IconStairsUp, IconBuildingCommunity } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import type { PersonFile } from '@shared/contract'
import { isValidUuid } from '../../../lib/ids'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { PageHeader } from '../../../components/PageHeader'
import { ReasonModal } from '../../../components/ReasonModal'
import { formatInstant } from '../../../lib/format'
import { useCan } from '../../auth/UserContext'
import { CrisisBanner } from '../../psych/person/CrisisBanner'
import { PsychTab } from '../../psych/person/PsychTab'
import { AuditTab } from './AuditTab'
import { BasicTab } from './BasicTab'
import { PeriodsTab } from './periods/PeriodsTab'
import { PersonHeader } from './PersonHeader'
import { TermTab } from './term/TermTab'
import { WardsTab } from './wards/WardsTab'

const TABS = ['basic', 'term', 'periods', 'wards', 'psych', 'audit'] as const
type Tab = (typeof TABS)[number]

export function PersonFilePage() {
  const { id = '' } = useParams()
  if (!isValidUuid(id)) return <NotFound />
  return <PersonFileView key={id} id={id} />
}

function PersonFileView({ id }: { id: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const file = useApiQuery('people:get', { id })
  return (
    <>
      <PageHeader back={{ to: '/people', label: t('people.title') }} />
      {file.isPending && (
        <Paper p="lg">
          <Skeleton h={32} w={240} mb="md" />
          <Skeleton h={16} w={360} mb="lg" />
          <Skeleton h={48} />
        </Paper>
      )}
      {file.isError && <ErrorAlert error={file.error} onRetry={() => void file.refetch()} />}
      {file.data && <FileContent file={file.data} onVoided={() => void navigate(`/people/${id}`, { replace: true })} />}
    </>
  )
}

function FileContent({ file, onVoided }: { file: PersonFile; onVoided: () => void }) {
  const { t } = useTranslation()
  const can = useCan()
  const [params, setParams] = useSearchParams()
  const [voidOpen, voidModal] = useDisclosure(false)
  const voidFile = useApiMutation('people:void', { success: t('file.voidDone'), onSuccess: onVoided })
  const requested = params.get('tab') as Tab | null
  const allowed = (which: Tab) => (which === 'audit' ? can('audit.read') : which === 'psych' ? can('psych.read') : true)
  const tab: Tab = requested && TABS.includes(requested) && allowed(requested) ? requested : 'basic'
  return (
    <>
      {file.voided && (
        <Alert color="red" variant="filled" icon={<IconAlertOctagon size={20} />} title={t('file.voidedBanner')} mb="md" data-testid="voided-banner">
          {t('file.voidedDetail', { at: formatInstant(file.voided.at), by: file.voided.by, reason: file.voided.reason })}
        </Alert>
      )}
      {can('psych.read') && <CrisisBanner personId={file.id} />}
      <PersonHeader file={file} onVoid={voidModal.open} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'basic' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="basic" leftSection={<IconFileText size={16} stroke={1.5} />}>
            {t('file.tabs.basic')}
          </Tabs.Tab>
          <Tabs.Tab value="term" leftSection={<IconCalendarTime size={16} stroke={1.5} />}>
            {t('file.tabs.term')}
          </Tabs.Tab>
          <Tabs.Tab value="periods" leftSection={<IconStairsUp size={16} stroke={1.5} />}>
            {t('file.tabs.periods')}
          </Tabs.Tab>
          <Tabs.Tab value="wards" leftSection={<IconBuildingCommunity size={16} stroke={1.5} />}>
            {t('file.tabs.wards')}
          </Tabs.Tab>
          {can('psych.read') && (
            <Tabs.Tab value="psych" leftSection={<IconBrain size={16} stroke={1.5} />}>
              {t('file.tabs.psych')}
            </Tabs.Tab>
          )}
          {can('audit.read') && (
            <Tabs.Tab value="audit" leftSection={<IconHistory size={16} stroke={1.5} />}>
              {t('file.tabs.audit')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="basic">
          <BasicTab file={file} />
        </Tabs.Panel>
        <Tabs.Panel value="term">
          <TermTab file={file} />
        </Tabs.Panel>
        <Tabs.Panel value="periods">
          <PeriodsTab file={file} />
        </Tabs.Panel>
        <Tabs.Panel value="wards">
          <WardsTab file={file} />
        </Tabs.Panel>
        {can('psych.read') && (
          <Tabs.Panel value="psych">
            <PsychTab file={file} />
          </Tabs.Panel>
        )}
        {can('audit.read') && (
          <Tabs.Panel value="audit">
            <AuditTab personId={file.id} />
          </Tabs.Panel>
        )}
      </Tabs>
      <ReasonModal
        opened={voidOpen}
        title={t('file.voidTitle')}
        warning={t('file.voidWarning')}
        confirmLabel={t('file.void')}
        loading={voidFile.isPending}
        onClose={voidModal.close}
        onConfirm={(reason) => voidFile.mutateAsync({ id: file.id, reason })}
      />
    </>
  )
}
