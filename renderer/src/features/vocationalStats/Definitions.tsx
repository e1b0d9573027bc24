import { Accordion, List, Paper, Text } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

const COURSE = ['enrolled', 'withdrawn', 'completed', 'sat', 'passed', 'certified', 'passRate', 'certificationRate', 'year'] as const
const PERIOD = ['periodCertified', 'periodExams', 'periodAgreements', 'periodReferrals', 'periodJobTaken', 'scope'] as const

/** 口径说明: how each number on the screen is counted (the same wording as shared/domain/vocational.ts courseFigures). */
export function Definitions() {
  const { t } = useTranslation()
  return (
    <Paper p={0}>
      <Accordion defaultValue="defs" variant="contained">
        <Accordion.Item value="defs">
          <Accordion.Control icon={<IconInfoCircle size={18} />} data-testid="vstats-definitions">{t('vstats.definitions')}</Accordion.Control>
          <Accordion.Panel>
            <List size="sm" spacing={4}>
              {[...PERIOD, ...COURSE].map((k) => (
                <List.Item key={k}><Text fz="sm">{t(`vstats.def.${k}`)}</Text></List.Item>
              ))}
            </List>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Paper>
  )
}
