import { Button, Checkbox, Group, Loader } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import '../../../components/printLayout.css'

/**
 * "Hide staff names" lives in the URL (?hideStaff=1), so a printout can be reopened or shared with the same choice;
 * the router applies it on its next navigation tick.
 */
export function useHideStaff(): [boolean, (hide: boolean) => void] {
  const [params, setParams] = useSearchParams()
  const setHide = (hide: boolean) => {
    const next = new URLSearchParams(params)
    if (hide) next.set('hideStaff', '1')
    else next.delete('hideStaff')
    setParams(next, { replace: true })
  }
  return [params.get('hideStaff') === '1', setHide]
}

interface Props {
  backTo: string
  backLabel: string
  hideStaff: boolean
  onHideStaff: (hide: boolean) => void
  /** The sheet, once its data is in; a loader on an empty A4 sheet until then (and printing is disabled). */
  sheet: ReactNode | null
}

/** The frame of a printable psychology record: a toolbar that never prints (back, hide staff names, print), then the sheet. */
export function PrintFrame({ backTo, backLabel, hideStaff, onHideStaff, sheet }: Props) {
  const { t } = useTranslation()
  return (
    <div className="print-page">
      <Group className="print-toolbar no-print" justify="space-between">
        <Button component={Link} to={backTo} variant="subtle" leftSection={<IconArrowLeft size={16} />}>
          {backLabel}
        </Button>
        <Group gap="lg">
          <Checkbox label={t('psych.print.hideStaff')} checked={hideStaff} onChange={(e) => onHideStaff(e.currentTarget.checked)} />
          <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} disabled={sheet === null}>
            {t('psych.print.print')}
          </Button>
        </Group>
      </Group>
      {sheet ?? (
        <div className="a4-sheet print-sheet" aria-busy="true">
          <Group justify="center" py={80}>
            <Loader />
          </Group>
        </div>
      )}
    </div>
  )
}
