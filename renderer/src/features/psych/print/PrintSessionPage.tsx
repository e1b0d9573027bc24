import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import type { SessionDetail } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { CenteredPage } from '../../../components/CenteredPage'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { formatInstant } from '../../../lib/format'
import { isValidUuid } from '../../../lib/ids'
import { useFacility } from '../../shell/useFacility'
import { PrintFrame, useHideStaff } from './PrintFrame'
import '../psych.css'

/**
 * /print/session/:id (psych.notes) — one counselling record on A4, outside the app shell. Loading it is the same
 * audited read as opening the record; staff names can be left off for a copy that leaves the counselling room.
 */
export function PrintSessionPage() {
  const { id = '' } = useParams()
  if (!isValidUuid(id)) return <NotFound />
  return <PrintView id={id} />
}

function PrintView({ id }: { id: string }) {
  const { t } = useTranslation()
  const [hideStaff, setHideStaff] = useHideStaff()
  const session = useApiQuery('psych:getSession', { id })
  const facility = useFacility()
  const error = session.error ?? facility.error
  if (error) {
    return (
      <CenteredPage>
        <ErrorAlert error={error} />
      </CenteredPage>
    )
  }
  return (
    <PrintFrame
      backTo={`/psych/sessions/${id}`}
      backLabel={t('psych.sessionRecord.printBack')}
      hideStaff={hideStaff}
      onHideStaff={setHideStaff}
      sheet={session.data && facility.data ? <SessionSheet s={session.data} facilityName={facility.data.name} hideStaff={hideStaff} /> : null}
    />
  )
}

function NoteBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="print-note-block">
      <h2>{title}</h2>
      <p className="print-note">{children}</p>
    </div>
  )
}

function SessionSheet({ s, facilityName, hideStaff }: { s: SessionDetail; facilityName: string; hideStaff: boolean }) {
  const { t } = useTranslation()
  const printedAt = formatInstant(new Date().toISOString())
  return (
    <div className="a4-sheet print-sheet" data-testid="print-session" data-hide-staff={hideStaff || undefined}>
      <div className="print-facility">{facilityName}</div>
      <h1>{t('psych.sessionRecord.printTitle')}</h1>
      {s.voided && (
        <div className="print-voided" data-testid="print-session-voided">
          {t('psych.sessionRecord.voided')} · {t('psych.sessionRecord.voidedLine', { by: hideStaff ? '—' : s.voided.by, at: formatInstant(s.voided.at), reason: s.voided.reason })}
        </div>
      )}

      <h2>{t('psych.sessionRecord.session')}</h2>
      <div className="print-grid">
        <Field label={t('psych.session.date')} value={s.date} />
        <Field label={t('psych.session.kind')} value={t(`psych.session.kinds.${s.kind}`)} />
        <Field label={t('psych.session.duration')} value={t('psych.session.minutesValue', { count: s.durationMinutes })} />
        <Field label={t('psych.session.topic')} value={s.topic} />
        {!hideStaff && <Field label={t('psych.session.counsellor')} value={s.counsellor} testId="print-counsellor" />}
        <Field label={t('psych.sessionRecord.versionLabel')} value={t('psych.sessionRecord.revision', { n: s.revision })} />
        <div style={{ gridColumn: '1 / -1' }}>
          <span className="label">{s.kind === 'group' ? t('psych.session.participants') : t('psych.session.client')}：</span>
          <span>{s.participants.map((p) => p.name).join('、')}</span>
        </div>
      </div>

      <NoteBlock title={t('psych.session.note.presentingIssue')}>{s.note.presentingIssue}</NoteBlock>
      <NoteBlock title={t('psych.session.note.intervention')}>{s.note.intervention}</NoteBlock>
      <NoteBlock title={t('psych.session.note.response')}>{s.note.response}</NoteBlock>
      <NoteBlock title={t('psych.session.note.riskObserved')}>{s.note.riskObserved ?? '—'}</NoteBlock>
      <NoteBlock title={t('psych.session.note.plan')}>{s.note.plan ?? '—'}</NoteBlock>

      <div className="print-signature">
        <span>{t('psych.sessionRecord.signature')}</span>
        <span>{t('psych.print.signDate')}</span>
      </div>
      <div className="print-footer">
        {hideStaff ? t('psych.print.footerNoStaff', { at: printedAt }) : t('psych.print.footer', { at: printedAt, by: s.recordedBy })}
      </div>
    </div>
  )
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <span className="label">{label}：</span>
      <span>{value}</span>
    </div>
  )
}
