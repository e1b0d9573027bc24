import { Alert, Tabs } from '@mantine/core'
import { IconBooks, IconFileText, IconInfoCircle, IconListDetails } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { PageHeader } from '../../components/PageHeader'
import { ItemBank } from './ItemBank'
import { PaperList } from './PaperList'
import { SittingList } from './SittingList'

const TABS = ['bank', 'papers', 'sittings'] as const
type Tab = (typeof TABS)[number]

/** 知识测试 for vocational and education staff: the item bank, papers, sittings (kiosk or typed paper sheets). */
export function KnowledgePage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const raw = params.get('tab')
  const tab: Tab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'bank'
  return (
    <>
      <PageHeader title={t('knowledge.title')} subtitle={t('knowledge.subtitle')} />
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} mb="md" data-testid="knowledge-rule">
        {t('knowledge.rule')}
      </Alert>
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="bank" leftSection={<IconBooks size={16} />}>{t('knowledge.tabs.bank')}</Tabs.Tab>
          <Tabs.Tab value="papers" leftSection={<IconFileText size={16} />} data-testid="tab-papers">{t('knowledge.tabs.papers')}</Tabs.Tab>
          <Tabs.Tab value="sittings" leftSection={<IconListDetails size={16} />} data-testid="tab-sittings">{t('knowledge.tabs.sittings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="bank"><ItemBank /></Tabs.Panel>
        <Tabs.Panel value="papers"><PaperList /></Tabs.Panel>
        <Tabs.Panel value="sittings"><SittingList /></Tabs.Panel>
      </Tabs>
    </>
  )
}
