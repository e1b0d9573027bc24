import { Button, Group, Loader, SegmentedControl } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { ContactCardView } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { CenteredPage } from '../../../components/CenteredPage'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { isValidUuid } from '../../../lib/ids'
import '../../../components/printLayout.css'
import './releasePrint.css'

/** /print/contact-card/:personId?layout=1|4 — the 联系卡 on A4, one card or four to a page (reading it is audited). */
export function PrintContactCardPage() {
  const { personId = '' } = useParams()
  if (!isValidUuid(personId)) return <NotFound />
  return <PrintView personId={personId} />
}

function PrintView({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const [search, setSearch] = useSearchParams()
  const four = search.get('layout') === '4'
  const card = useApiQuery('release:contactCard', { personId })
  if (card.error) {
    return (
      <CenteredPage>
        <ErrorAlert error={card.error} />
      </CenteredPage>
    )
  }
  return (
    <div className="print-page">
      <Group className="print-toolbar no-print" justify="space-between">
        <Button component={Link} to={`/people/${personId}?tab=release`} variant="subtle" leftSection={<IconArrowLeft size={16} />}>
          {t('release.handover.back')}
        </Button>
        <Group>
          <SegmentedControl
            value={four ? '4' : '1'}
            onChange={(v) => setSearch(v === '4' ? { layout: '4' } : {}, { replace: true })}
            data={[
              { value: '1', label: t('release.card.one') },
              { value: '4', label: t('release.card.four') },
            ]}
          />
          <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} disabled={!card.data} data-testid="card-print">
            {t('release.card.print')}
          </Button>
        </Group>
      </Group>
      <div className={`a4-sheet card-sheet ${four ? 'card-four' : 'card-one'}`} data-testid="contact-card-sheet">
        {card.data ? (
          Array.from({ length: four ? 4 : 1 }, (_, i) => <Card key={i} c={card.data} />)
        ) : (
          <Group justify="center" py={80}>
            <Loader />
          </Group>
        )}
      </div>
    </div>
  )
}

function Card({ c }: { c: ContactCardView }) {
  const { t } = useTranslation()
  return (
    <div className="contact-card">
      <div className="contact-card-title">{c.card.title}</div>
      <div className="contact-card-facility">{c.facilityName}</div>
      <dl>
        <dt>{t('release.card.hotline')}</dt>
        <dd className="contact-card-hotline">{c.card.hotline ?? <span className="no-print">{t('release.card.noHotline')}</span>}</dd>
        {(c.station || c.receivingCommunity) && (
          <>
            <dt>{t('release.card.station')}</dt>
            <dd>{c.station?.name ?? c.receivingCommunity}</dd>
          </>
        )}
        {c.station?.contactName && (
          <>
            <dt>{t('release.card.contact')}</dt>
            <dd>{c.station.contactName}</dd>
          </>
        )}
        {c.station?.contactPhone && (
          <>
            <dt>{t('release.card.phone')}</dt>
            <dd>{c.station.contactPhone}</dd>
          </>
        )}
        <dt>{t('release.card.holder')}</dt>
        <dd>{c.personName}</dd>
      </dl>
      {c.card.text && <p className="contact-card-text">{c.card.text}</p>}
    </div>
  )
}
