import { List, Paper, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TermEventRow } from '@shared/contract'
import type { TermStep } from '@shared/domain/term'

/** The computation written out step by step, so staff can check it against the decision documents. */
export function TermSteps({ steps, events }: { steps: TermStep[]; events: TermEventRow[] }) {
  const { t } = useTranslation()
  // The extension step sums the live extensions; each is listed under it with its document and approval date.
  const extensions = events.filter((e) => e.kind === 'extension' && !e.voided)
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
            {step.kind === 'extension' && extensions.length > 0 && (
              <List withPadding listStyleType="disc" fz="sm" data-testid="term-step-extensions">
                {extensions.map((e) => (
                  <List.Item key={e.id}>
                    {t('extensionForm.stepLine', { count: e.months ?? 0, docNo: e.docNo ?? '—', approvalDate: e.approvalDate ?? '—' })}
                  </List.Item>
                ))}
              </List>
            )}
          </List.Item>
        ))}
      </List>
      <Text fz="xs" c="dimmed" mt="md">
        {t('term.legalBasis')}
      </Text>
    </Paper>
  )
}
