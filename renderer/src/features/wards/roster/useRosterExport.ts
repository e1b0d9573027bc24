import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../../api/client'
import { apiKey } from '../../../api/hooks'
import { useErrorText } from '../../../i18n/errorText'
import { exportRoster } from './exportRoster'

/**
 * Exports one ward's whole roster (people:roster, every live person, not the on-screen page) to .xlsx. The roster is
 * read fresh (through the query cache) at the click, so the file matches the moment of export.
 */
export function useRosterExport(wardId: string) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const queryClient = useQueryClient()
  const [exporting, setExporting] = useState(false)
  const run = async () => {
    setExporting(true)
    try {
      const input = { wardId }
      const roster = await queryClient.fetchQuery({ queryKey: apiKey('people:roster', input), queryFn: () => api.invoke('people:roster', input), staleTime: 0 })
      if (await exportRoster(roster, t)) notifications.show({ color: 'teal', title: t('common.success'), message: t('rosterPrint.exported') })
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorText(error) })
    } finally {
      setExporting(false)
    }
  }
  return { exporting, run: () => void run() }
}
