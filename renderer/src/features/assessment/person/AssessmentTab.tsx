import { ActionIcon, Anchor, Badge, Button, Group, Menu, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconChevronDown, IconClipboardCheck, IconFileText, IconGavel, IconPlus, IconTrash, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { PersonFile, ProposalView } from '@shared/contract'
import { ASSESSMENT_POINTS } from '@shared/domain/assessment'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { ReasonModal } from '../../../components/ReasonModal'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { useCan, useCanWriteInWard } from '../../auth/UserContext'
import { OverallBadge, useComponentsLine } from '../assessmentUi'
import { TermConstraints } from '../form/TermConstraints'
import { DecideModal, ProposeModal } from './ProposalModals'

/** The person file's 诊断评估 tab: assessments at each point, evidence still to supply, the term and the proposal-and-decision log. */
export function AssessmentTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const can = useCan()
  const canWriteIn = useCanWriteInWard()
  const data = useApiQuery('assessment:person', { personId: file.id })
  const componentsLine = useComponentsLine()
  const [proposing, setProposing] = useState(false)
  const [deciding, setDeciding] = useState<ProposalView | null>(null)
  const [voiding, setVoiding] = useState<ProposalView | null>(null)
  const [closing, setClosing] = useState<string | null>(null)
  const [closeNote, setCloseNote] = useState('')
  const voidProposal = useApiMutation('assessment:voidProposal')
  const closeRequest = useApiMutation('assessment:closeEvidenceRequest')
  const writable = can('assessment.record') && canWriteIn(file.wardId) && !file.voided
  const decides = can('assessment.decide') && canWriteIn(file.wardId) && !file.voided

  if (data.isError) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />
  if (data.isPending) {
    return (
      <Paper p="lg">
        <TableSkeleton rows={4} />
      </Paper>
    )
  }
  const d = data.data
  const items = (assessmentId: string) => d.assessments.find((a) => a.id === assessmentId)

  return (
    <Stack gap="md" data-testid="assessment-tab">
      <Paper p="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('assessment.title')}</Title>
          {writable && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="xs" leftSection={<IconPlus size={14} />} rightSection={<IconChevronDown size={14} />} data-testid="assessment-new">
                  {t('assessment.person.newAt')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {ASSESSMENT_POINTS.map((p) => (
                  <Menu.Item key={p} component={Link} to={`/people/${file.id}/assessment/new?point=${p}`} data-testid={`assessment-new-${p}`}>
                    {t(`assessment.points.${p}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        {d.assessments.length === 0 ? (
          <EmptyState title={t('assessment.person.empty')} icon={<IconClipboardCheck size={24} />} />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing={6} highlightOnHover data-testid="assessment-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assessment.fields.point')}</Table.Th>
                  <Table.Th>{t('assessment.fields.assessedOn')}</Table.Th>
                  <Table.Th>{t('assessment.fields.components')}</Table.Th>
                  <Table.Th>{t('assessment.fields.overall')}</Table.Th>
                  <Table.Th>{t('assessment.fields.recommendation')}</Table.Th>
                  <Table.Th>{t('assessment.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.assessments.map((a) => (
                  <Table.Tr key={a.id} opacity={a.voided ? 0.5 : 1}>
                    <Table.Td>
                      <Anchor component={Link} to={`/assessments/${a.id}`} fz="sm">
                        {t(`assessment.points.${a.point}`)}
                        {a.stagePeriod ? `（${t(`assessment.periods.${a.stagePeriod}`)}）` : ''}
                      </Anchor>
                    </Table.Td>
                    <Table.Td className="tabular">{a.assessedOn}</Table.Td>
                    <Table.Td fz="xs">{componentsLine(a.components)}</Table.Td>
                    <Table.Td>
                      <OverallBadge a={a} />
                    </Table.Td>
                    <Table.Td fz="sm">{t(`assessment.recommendations.${a.recommendation}`)}</Table.Td>
                    <Table.Td>
                      {a.voided ? <Badge color="red">{t('assessment.voided')}</Badge> : <Badge variant="light">{t(`assessment.status.${a.status}`)}</Badge>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      {d.openEvidenceRequests.length > 0 && (
        <Paper p="md" data-testid="evidence-requests">
          <Title order={5} mb="xs">
            {t('assessment.person.requests')}
          </Title>
          <Stack gap={4}>
            {d.openEvidenceRequests.map((r) => {
              const a = items(r.assessmentId)
              return (
                <Group key={r.id} justify="space-between">
                  <Text fz="sm">
                    <Anchor component={Link} to={`/assessments/${r.assessmentId}`}>
                      {a ? t(`assessment.points.${a.point}`) : ''}
                    </Anchor>{' '}
                    {t('assessment.person.requestLine', { component: t(`assessment.components.${r.component}`), item: r.itemId, kind: t(`assessment.evidenceKinds.${r.evidenceKind}`), on: r.requestedOn })}
                  </Text>
                  {writable && (
                    <ActionIcon variant="subtle" aria-label={t('assessment.person.closeRequest')} onClick={() => setClosing(r.id)}>
                      <IconX size={14} />
                    </ActionIcon>
                  )}
                </Group>
              )
            })}
          </Stack>
        </Paper>
      )}

      <Paper p="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('assessment.proposals.title')}</Title>
          {decides && (
            <Button size="xs" variant="light" leftSection={<IconGavel size={14} />} onClick={() => setProposing(true)} data-testid="proposal-new">
              {t('assessment.proposals.new')}
            </Button>
          )}
        </Group>
        <TermConstraints term={d.term} approvedExtensionMonths={d.approvedExtensionMonths} barReason={d.earlyReleaseBarReason} />
        {d.proposals.length === 0 ? (
          <EmptyState title={t('assessment.proposals.empty')} icon={<IconFileText size={24} />} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing={6} mt="sm" data-testid="proposal-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assessment.proposals.kind')}</Table.Th>
                  <Table.Th>{t('assessment.proposals.proposedOn')}</Table.Th>
                  <Table.Th>{t('assessment.proposals.proposedDate')} / {t('assessment.proposals.months')}</Table.Th>
                  <Table.Th>{t('assessment.proposals.decidingOrgan')}</Table.Th>
                  <Table.Th>{t('assessment.proposals.outcome')}</Table.Th>
                  <Table.Th>{t('assessment.proposals.decisionDate')}</Table.Th>
                  <Table.Th>{t('assessment.proposals.documentNumber')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.proposals.map((p) => (
                  <Table.Tr key={p.id} opacity={p.voided ? 0.5 : 1}>
                    <Table.Td>{t(`assessment.proposalKinds.${p.kind}`)}</Table.Td>
                    <Table.Td className="tabular">{p.proposedOn}</Table.Td>
                    <Table.Td className="tabular">{p.proposedDate ?? (p.months ? `${p.months}` : '—')}</Table.Td>
                    <Table.Td fz="sm">{p.decidingOrgan}</Table.Td>
                    <Table.Td>
                      {p.voided ? (
                        <Badge color="red">{t('assessment.voided')}</Badge>
                      ) : (
                        <Badge variant="light" color={p.outcome === 'approved' ? 'teal' : p.outcome === 'rejected' ? 'gray' : 'blue'}>
                          {t(`assessment.outcomes.${p.outcome}`)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td className="tabular">{p.decisionDate ?? '—'}</Table.Td>
                    <Table.Td fz="sm">{p.documentNumber ?? '—'}</Table.Td>
                    <Table.Td>
                      {decides && !p.voided && (
                        <Group gap={4} wrap="nowrap">
                          {p.outcome === 'pending' && (
                            <Button size="compact-xs" variant="light" onClick={() => setDeciding(p)}>
                              {t('assessment.proposals.decide')}
                            </Button>
                          )}
                          <ActionIcon variant="subtle" color="red" aria-label={t('assessment.void')} onClick={() => setVoiding(p)}>
                            <IconTrash size={14} />
                          </ActionIcon>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      {proposing && (
        <ProposeModal
          opened
          personId={file.id}
          onClose={() => setProposing(false)}
          term={d.term}
          approvedExtensionMonths={d.approvedExtensionMonths}
          barReason={d.earlyReleaseBarReason}
          decidingOrgan={file.identity.decisionOrgan}
        />
      )}
      {deciding && <DecideModal proposal={deciding} onClose={() => setDeciding(null)} />}
      <ReasonModal
        opened={voiding !== null}
        title={t('assessment.proposals.voidTitle')}
        loading={voidProposal.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) => voidProposal.mutateAsync({ id: voiding!.id, revision: voiding!.revision, reason }).then(() => setVoiding(null))}
      />
      <Modal opened={closing !== null} onClose={() => setClosing(null)} title={t('assessment.person.closeRequest')}>
        <Stack>
          <TextInput label={t('assessment.person.closeNote')} value={closeNote} onChange={(e) => setCloseNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button
              loading={closeRequest.isPending}
              disabled={closeNote.trim().length === 0}
              onClick={() => closeRequest.mutate({ id: closing!, personId: file.id, note: closeNote.trim() }, { onSuccess: () => (setClosing(null), setCloseNote('')) })}
            >
              {t('assessment.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
