import { Accordion, List, Paper, Text } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export const DEFINITIONS = ['current', 'admissions', 'releases', 'psych', 'fitness', 'vocational', 'due', 'followUp', 'scope'] as const

/** 口径说明: how each number on the dashboard is counted (the same wording as the core's queries say). */
export function Definitions() {
  const { t } = useTranslation()
  return (
    <Paper p={0}>
      <Accordion variant="contained">
        <Accordion.Item value="defs">
          <Accordion.Control icon={<IconInfoCircle size={18} />} data-testid="stats-definitions">{t('stats.def.title')}</Accordion.Control>
          <Accordion.Panel>
            <List size="sm" spacing={4}>
              {DEFINITIONS.map((k) => (
                <List.Item key={k}><Text fz="sm">{t(`stats.def.${k}`)}</Text></List.Item>
              ))}
            </List>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Paper>
  )
}
