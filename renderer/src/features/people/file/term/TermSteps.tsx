import { List, Paper, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TermStep } from '@shared/domain/term'

/** The computation written out step by step, so staff can check it against the decision documents. */
export function TermSteps({ steps }: { steps: TermStep[] }) {
  const { t } = useTranslation()
  return (
    <Paper p="lg">
      <Text fw={600} mb="sm">
        {t('term.explanation')}
      </Text>
      <List
        type="ordered"
        spacing={6}
        fz="sm"
        data-testid="term-steps"
      >
        {steps.map((step, i) => (
          <List.Item key={i} className="tabular">
            {t(`term.step.${step.kind}`, { ...step })}
          </List.Item>
        ))}
      </List>
      <Text fz="xs" c="dimmed" mt="md">
        {t('term.legalBasis')}
      </Text>
    </Paper>
  )
}
