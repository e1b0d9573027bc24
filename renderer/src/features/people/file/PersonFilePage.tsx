import { Alert, Paper, Skeleton, Tabs } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconAlertOctagon } from '@tabler/icons-react'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import type { PersonFile } from '@shared/contract'
import { contributions } from '../../../app/feature'
import { isValidUuid } from '../../../lib/ids'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { PageHeader } from '../../../components/PageHeader'
import { ReasonModal } from '../../../components/ReasonModal'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { formatInstant } from '../../../lib/format'
import { useCan } from '../../auth/UserContext'
import { features } from '../../index'
import { PersonHeader } from './PersonHeader'

/** Every feature's tabs (people's own first) and banners. */
const TABS = contributions(features, 'personTabs')
const BANNERS = contributions(features, 'personBanners')
const SECTIONS = contributions(features, 'personSections')

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
  const tabs = TABS.filter((tab) => !tab.permission || can(tab.permission))
  const first = tabs[0]?.value
  const requested = params.get('tab')
  const tab = tabs.some((candidate) => candidate.value === requested) ? requested : first
  return (
    <>
      {file.voided && (
        <Alert color="red" variant="filled" icon={<IconAlertOctagon size={20} />} title={t('file.voidedBanner')} mb="md" data-testid="voided-banner">
          {t('file.voidedDetail', { at: formatInstant(file.voided.at), by: file.voided.by, reason: file.voided.reason })}
        </Alert>
      )}
      <Suspense fallback={null}>
        {BANNERS.filter((banner) => can(banner.permission)).map(({ key, Banner }) => (
          <Banner key={key} personId={file.id} />
        ))}
      </Suspense>
      <PersonHeader file={file} onVoid={voidModal.open} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== first ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map(({ value, label, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} stroke={1.5} />}>
              {label(t)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value}>
            <Suspense fallback={<TableSkeleton rows={3} />}>
              <Panel file={file} />
            </Suspense>
            {SECTIONS.filter((section) => section.tab === value && (!section.permission || can(section.permission))).map(({ key, Section }) => (
              <Suspense key={key} fallback={<TableSkeleton rows={3} />}>
                <Section file={file} />
              </Suspense>
            ))}
          </Tabs.Panel>
        ))}
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
