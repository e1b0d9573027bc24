import { Alert, Button, Group, Loader } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { Roster, RosterOptions } from '@shared/contract'
import { levelWording, SKILL_LEVELS } from '@shared/domain/certificates'
import { useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { markCertRosterPrinted } from '../../../lib/perfMarks'
import { useFacility } from '../../shell/useFacility'
import { describeFilter, rosterColumns, useColumnTexts } from '../roster/columns'
import { fetchWholeRoster, MAX_ROSTER_OUTPUT } from '../roster/fetchAll'
import { paramsFromView, viewFromParams, type RosterView } from '../roster/rosterParams'
import '../../../components/printLayout.css'
import './certificateRoster.css'

const OPTIONS_INPUT = {}
/** Columns of a few characters: centred and never broken (an age split digit by digit is unreadable). */
const SHORT: readonly string[] = ['seq', 'sex', 'age', 'theory', 'practical']

/**
 * /print/certificates?… — the roster as printed (A4 landscape): title and filter, the §6.6 columns with the header row on
 * every page, page numbers "第 N 页 共 M 页", totals and a signature line. A public notice (公示) has no facility name
 * and none of the internal-only columns. `rows=N` prints only the first N rows (a preview; the bench uses it).
 */
export function PrintRosterPage() {
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const view = viewFromParams(search)
  const firstRows = Number(search.get('rows'))
  const facility = useFacility()
  const options = useApiQuery('certificates:rosterOptions', OPTIONS_INPUT)
  const upTo = Number.isInteger(firstRows) && firstRows > 0 ? firstRows : undefined
  const roster = useQuery({ queryKey: ['certificates:rosterPrint', paramsFromView(view).toString(), upTo], queryFn: () => fetchWholeRoster(view, upTo), staleTime: 0 })
  const error = roster.error ?? options.error ?? facility.error
  const ready = roster.data && options.data && facility.data
  const rows = roster.data
  return (
    <div className="print-page">
      <Group className="print-toolbar no-print" justify="space-between">
        <Button component={Link} to={`/certificates?${paramsFromView(view).toString()}`} variant="subtle" leftSection={<IconArrowLeft size={16} />}>
          {t('cert.print.back')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} disabled={!ready} data-testid="cert-print-now">
          {t('cert.roster.print')}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} />}
      {roster.data && roster.data.total > MAX_ROSTER_OUTPUT && (
        <Alert className="no-print" color="orange" mx="auto" maw={800} mb="md">{t('cert.print.tooMany', { max: MAX_ROSTER_OUTPUT })}</Alert>
      )}
      {ready && rows ? (
        <Sheet view={view} roster={rows} options={options.data} facilityName={facility.data.name} />
      ) : (
        !error && (
          <div className="a4-sheet cert-roster-sheet" aria-busy="true">
            <Group justify="center" py={80}>
              <Loader />
            </Group>
          </div>
        )
      )}
    </div>
  )
}

function Sheet({ view, roster, options, facilityName }: { view: RosterView; roster: Roster; options: RosterOptions; facilityName: string }) {
  const { t } = useTranslation()
  const texts = useColumnTexts()
  const columns = rosterColumns(view.privacy)
  const isPublic = view.privacy === 'public'
  const widthSum = columns.reduce((a, c) => a + c.width, 0)
  // "第 N 页 共 M 页" around the two counters, in the interface's language.
  const [before = '', rest = ''] = t('cert.print.pageOf').split('N')
  const [middle = '', after = ''] = rest.split('M')
  const quote = (s: string) => JSON.stringify(s)
  const pageNumbers = `@page { size: A4 landscape; margin: 12mm 10mm 14mm; @bottom-center { content: ${quote(before)} counter(page) ${quote(middle)} counter(pages) ${quote(after)}; font-size: 9pt; } }`
  const filter = describeFilter(view, options, {
    course: t('cert.roster.course'),
    occupation: t('cert.roster.occupation'),
    level: t('cert.roster.level'),
    issued: t('cert.columns.issuedOn'),
    evaluationBody: t('cert.roster.evaluationBody'),
    to: t('cert.roster.issuedTo'),
    none: t('cert.print.noFilter'),
  })

  useEffect(() => {
    markCertRosterPrinted(roster.rows.length)
  }, [roster])

  return (
    <div className="a4-sheet cert-roster-sheet" data-testid="cert-roster-print">
      <style>{pageNumbers}</style>
      {/* A public notice never names the facility (a rehab facility's name reveals rehab status, §6.6). */}
      <h1>{isPublic ? t('cert.print.publicTitle') : `${facilityName}${t('cert.print.title')}`}</h1>
      <div className="cert-roster-filter">
        {t('cert.print.filter')}
        {filter}
      </div>
      <table className="cert-roster-table">
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: `${((c.width / widthSum) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key}>{t(`cert.columns.${c.key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {roster.rows.map((row) => (
            <tr key={row.certificateId}>
              {columns.map((c) => (
                <td key={c.key} className={c.key === 'idNumber' || c.key === 'number' ? 'num' : SHORT.includes(c.key) ? 'short' : undefined}>
                  {c.value(row, texts)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="cert-roster-totals" data-testid="cert-print-totals">
        <strong>{t('cert.print.totals')}</strong>：{t('cert.print.people')} {roster.totals.people}，{t('cert.print.certificates')} {roster.totals.certificates}；
        {t('cert.print.byLevel')}：{SKILL_LEVELS.filter((l) => roster.totals.byLevel[l] > 0).map((l) => `${levelWording(l)} ${roster.totals.byLevel[l]}`).join('，') || '—'}
      </div>
      <div className="cert-roster-sign">
        <span>{t('cert.print.preparedBy')}________________</span>
        <span>{t('cert.print.checkedBy')}________________</span>
        <span>{t('cert.print.date')}______年____月____日</span>
      </div>
    </div>
  )
}
