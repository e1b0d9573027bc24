import { Button, Group, Loader } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { StatsDashboard } from '@shared/contract/stats'
import { useApiQuery } from '../../api/hooks'
import { host } from '../../api/host'
import { CenteredPage } from '../../components/CenteredPage'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatInstant } from '../../lib/format'
import { useFacility } from '../shell/useFacility'
import { DueChart, FitnessChart, MonthsChart, WardPeriodChart } from './DashboardCharts'
import { DueTable, FitnessTable, FollowUpTable, MonthsTable, PsychTable, VocationalTable, WardPeriodTable, type RenderFigure } from './DashboardTables'
import { DEFINITIONS } from './Definitions'
import { readParams } from './statsUi'
import '../../components/printLayout.css'
import './print.css'

/** /print/dashboard?asOf&months — the dashboard on A4: heading, each group's chart and table, the definitions. */
export function PrintDashboardPage() {
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const params = readParams(search)
  const facility = useFacility()
  const today = facility.data?.today
  const dashboard = useApiQuery('stats:dashboard', { asOf: params.asOf ?? today, months: params.months }, { enabled: params.asOf !== undefined || today !== undefined })
  const error = dashboard.error ?? facility.error
  if (error) {
    return (
      <CenteredPage>
        <ErrorAlert error={error} />
      </CenteredPage>
    )
  }
  const ready = dashboard.data && facility.data
  const back = `/dashboard?asOf=${params.asOf ?? today ?? ''}&months=${params.months}`
  return (
    <div className="print-page">
      <Group className="print-toolbar no-print" justify="space-between">
        <Button component={Link} to={back} variant="subtle" leftSection={<IconArrowLeft size={16} />}>
          {t('stats.print_.back')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} disabled={!ready} onClick={() => void host.printToPdf({ defaultName: `${t('stats.title')}-${dashboard.data?.asOf ?? ''}.pdf` })} data-testid="stats-print-pdf">
          {t('stats.print')}
        </Button>
      </Group>
      {ready ? (
        <Sheet data={dashboard.data} facilityName={facility.data.name} />
      ) : (
        <div className="a4-sheet stats-print" aria-busy="true">
          <Group justify="center" py={80}>
            <Loader />
          </Group>
        </div>
      )}
    </div>
  )
}

const plain: RenderFigure = (f, strong) => <span className="tabular" style={{ fontWeight: strong ? 700 : 400 }}>{f.value}</span>

function Group2({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="stats-print-group">
      <h2>{title}</h2>
      {children}
    </div>
  )
}

function Sheet({ data, facilityName }: { data: StatsDashboard; facilityName: string }) {
  const { t } = useTranslation()
  return (
    <div className="a4-sheet stats-print" data-testid="stats-print-sheet">
      <div className="stats-print-facility">{facilityName}</div>
      <h1>{t('stats.print_.heading')}</h1>
      <div className="stats-print-head">
        <span className="tabular">{t('stats.asOf')}：{data.asOf}</span>
        <span className="tabular">{t('stats.window', { from: data.from, to: data.to })}</span>
        <span className="tabular">{t('stats.print_.printedAt')}：{formatInstant(new Date().toISOString())}</span>
      </div>
      {data.limitedToWards && <p>{t('stats.limited', { wards: data.wards.map((w) => w.name).join('、') })}</p>}
      <Group2 title={t('stats.section.wardPeriod')}>
        <div className="stats-print-pair">
          <WardPeriodChart data={data} print />
          <WardPeriodTable data={data} num={plain} />
        </div>
      </Group2>
      <Group2 title={t('stats.section.months')}>
        <MonthsChart data={data} print />
        <MonthsTable data={data} num={plain} />
      </Group2>
      <Group2 title={t('stats.section.fitness')}>
        <div className="stats-print-pair">
          <FitnessChart data={data} print />
          <FitnessTable data={data} num={plain} />
        </div>
      </Group2>
      <Group2 title={`${t('stats.section.due')}（${t('stats.dueOn', { date: data.dueWork.on })}）`}>
        <div className="stats-print-pair">
          <DueChart data={data} print />
          <DueTable data={data} num={plain} />
        </div>
      </Group2>
      <div className="stats-print-triple">
        <Group2 title={t('stats.section.psych')}>
          <PsychTable data={data} num={plain} />
        </Group2>
        <Group2 title={t('stats.section.vocational')}>
          <VocationalTable data={data} num={plain} />
        </Group2>
        <Group2 title={t('stats.section.followUp')}>
          <FollowUpTable data={data} num={plain} />
        </Group2>
      </div>
      <Group2 title={t('stats.def.title')}>
        <ol className="stats-print-defs">
          {DEFINITIONS.map((k) => <li key={k}>{t(`stats.def.${k}`)}</li>)}
        </ol>
      </Group2>
    </div>
  )
}
