import { Divider, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ReleaseView } from '@shared/contract/release'
import { checklistFieldsOf, RELEASE_KINDS, type ReleaseKind } from '@shared/domain/release'
import { useApiQuery } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { FormActions } from '../../../components/FormActions'
import { NumberField } from '../../../components/NumberField'
import { REQUIRED } from '../../../components/required'
import { useContractForm } from '../../../lib/useContractForm'

/** Every kind's own fields, as text (only the chosen kind's are sent). */
const DETAIL_KEYS = {
  on_time: [],
  early: ['decisionDocNo', 'decisionDate'],
  community_conversion: ['decisionDocNo', 'reason'],
  transfer: ['toFacility', 'docNo'],
  medical: ['hospital', 'reason'],
  death: ['cause', 'place'],
} as const satisfies Record<ReleaseKind, readonly string[]>
type DetailKey = 'decisionDocNo' | 'decisionDate' | 'reason' | 'toFacility' | 'docNo' | 'hospital' | 'cause' | 'place'
const DATE_DETAILS = new Set(['decisionDate'])
const LONG_DETAILS = new Set(['reason', 'cause'])
const REPORTS = ['supervisingOrgan', 'family', 'decidingOrgan', 'procuratorate'] as const
const CHECKLIST_FIELDS = ['organNotifiedOn', 'certificateNo', 'familyNotifiedOn', 'collectedBy', 'fileHandedOverOn', 'fileHandedTo'] as const

interface Values {
  kind: ReleaseKind
  releaseDate: string
  organNotifiedOn: string
  certificateNo: string
  familyNotifiedOn: string
  collectedBy: string
  communityRehab: boolean
  communityRehabMonths: number | string
  communityRehabDocNo: string
  stationId: string | null
  receivingCommunity: string
  fileHandedOverOn: string
  fileHandedTo: string
  note: string
  details: Record<DetailKey, string> & { reports: Record<(typeof REPORTS)[number], string> }
}

const blank = (v: string) => (v.trim() === '' ? null : v.trim())

function initialValues(view: ReleaseView, today: string): Values {
  const r = view.release
  const d = (r?.details ?? {}) as Record<string, unknown>
  const reports = (d.reports ?? {}) as Record<string, string | null>
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : '')
  return {
    kind: r?.kind ?? 'on_time',
    releaseDate: r?.releaseDate ?? view.person.lastDay ?? today,
    organNotifiedOn: r?.organNotifiedOn ?? '',
    certificateNo: r?.certificateNo ?? '',
    familyNotifiedOn: r?.familyNotifiedOn ?? '',
    collectedBy: r?.collectedBy ?? '',
    communityRehab: r?.communityRehab ?? false,
    communityRehabMonths: r?.communityRehabMonths ?? '',
    communityRehabDocNo: r?.communityRehabDocNo ?? '',
    stationId: r?.stationId ?? null,
    receivingCommunity: r?.receivingCommunity ?? '',
    fileHandedOverOn: r?.fileHandedOverOn ?? '',
    fileHandedTo: r?.fileHandedTo ?? '',
    note: r?.note ?? '',
    details: {
      decisionDocNo: text('decisionDocNo'), decisionDate: text('decisionDate'), reason: text('reason'), toFacility: text('toFacility'), docNo: text('docNo'),
      hospital: text('hospital'), cause: text('cause'), place: text('place'),
      reports: { supervisingOrgan: reports.supervisingOrgan ?? '', family: reports.family ?? '', decidingOrgan: reports.decidingOrgan ?? '', procuratorate: reports.procuratorate ?? '' },
    },
  }
}

function detailsInput(v: Values): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(DETAIL_KEYS[v.kind].map((k) => [k, blank(v.details[k])]))
  if (v.kind === 'death') out.reports = Object.fromEntries(REPORTS.map((k) => [k, blank(v.details.reports[k])]))
  return out
}

/** Plans a release, or edits one (naming the revision it was read at); the kind's own fields follow the kind chosen. */
export function ReleaseFormModal({ personId, view, today, onClose }: { personId: string; view: ReleaseView; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const stations = useApiQuery('release:stations', {})
  const r = view.release
  const fields = (v: Values) => ({
    kind: v.kind,
    releaseDate: v.releaseDate,
    organNotifiedOn: blank(v.organNotifiedOn),
    certificateNo: blank(v.certificateNo),
    familyNotifiedOn: blank(v.familyNotifiedOn),
    collectedBy: blank(v.collectedBy),
    communityRehab: v.communityRehab,
    communityRehabMonths: v.communityRehabMonths === '' ? null : Number(v.communityRehabMonths),
    communityRehabDocNo: blank(v.communityRehabDocNo),
    stationId: v.stationId,
    receivingCommunity: blank(v.receivingCommunity),
    fileHandedOverOn: blank(v.fileHandedOverOn),
    fileHandedTo: blank(v.fileHandedTo),
    note: blank(v.note),
    details: detailsInput(v),
  })
  const plan = useContractForm('release:plan', { initialValues: initialValues(view, today), check: 'input', toInput: (v) => ({ personId, ...fields(v) }), success: t('release.planned'), onSuccess: onClose })
  const edit = useContractForm('release:update', { initialValues: initialValues(view, today), check: 'input', toInput: (v) => ({ id: r?.id ?? '', revision: r?.revision ?? 1, ...fields(v) }), onSuccess: onClose })
  const { form, submit, mutation } = r ? edit : plan
  const v = form.getValues()
  const released = r?.status === 'released'
  // A kind's own checklist fields; another kind's are shown only while they still hold a value (nothing is cleared unseen).
  const used = checklistFieldsOf(v.kind)
  const shown = (field: (typeof CHECKLIST_FIELDS)[number]) => used.has(field) || v[field] !== ''
  const stationOptions = (stations.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.region}）` }))
  return (
    <Modal opened onClose={onClose} title={r ? t('release.editTitle') : t('release.planTitle')} size="xl">
      <form onSubmit={submit} data-testid="release-form">
        <Stack>
          <SimpleGrid cols={2}>
            <Select
              label={t('release.fields.kind')}
              labelProps={REQUIRED}
              data={RELEASE_KINDS.map((k) => ({ value: k, label: t(`release.kinds.${k}`) }))}
              allowDeselect={false}
              disabled={released}
              {...form.getInputProps('kind')}
              data-testid="release-kind"
            />
            <DateField
              label={t('release.fields.releaseDate')}
              labelProps={REQUIRED}
              disabled={released}
              description={view.person.earlyReleaseOn ? t('release.hints.earlyApproved', { date: view.person.earlyReleaseOn }) : view.person.lastDay ? t('release.hints.termLastDay', { date: view.person.lastDay }) : undefined}
              {...form.getInputProps('releaseDate')}
              data-testid="release-date"
            />
          </SimpleGrid>
          {DETAIL_KEYS[v.kind].length > 0 && (
            <>
              <Divider label={t('release.kindDetails')} labelPosition="left" />
              <SimpleGrid cols={2}>
                {DETAIL_KEYS[v.kind].map((key) =>
                  DATE_DETAILS.has(key) ? (
                    <DateField key={key} label={t(`release.fields.${key}`)} maxDate={today} {...form.getInputProps(`details.${key}`)} />
                  ) : LONG_DETAILS.has(key) ? (
                    <Textarea key={key} label={t(`release.fields.${key}`)} autosize minRows={1} {...form.getInputProps(`details.${key}`)} />
                  ) : (
                    <TextInput key={key} label={t(`release.fields.${key}`)} {...form.getInputProps(`details.${key}`)} data-testid={`release-detail-${key}`} />
                  ),
                )}
              </SimpleGrid>
              {v.kind === 'death' && (
                <SimpleGrid cols={2}>
                  {REPORTS.map((key) => (
                    <DateField key={key} label={t(`release.fields.reports.${key}`)} maxDate={today} {...form.getInputProps(`details.reports.${key}`)} />
                  ))}
                </SimpleGrid>
              )}
            </>
          )}
          {CHECKLIST_FIELDS.some(shown) && <Divider label={t('release.checklist.title')} labelPosition="left" />}
          <SimpleGrid cols={2}>
            {shown('organNotifiedOn') && (
              <DateField label={t('release.fields.organNotifiedOn')} description={t('release.hints.organNotice', { days: view.rules.organNoticeDays })} maxDate={today} {...form.getInputProps('organNotifiedOn')} data-testid="release-organ" />
            )}
            {shown('certificateNo') && <TextInput label={t('release.fields.certificateNo')} {...form.getInputProps('certificateNo')} data-testid="release-certificate" />}
            {shown('familyNotifiedOn') && <DateField label={t('release.fields.familyNotifiedOn')} maxDate={today} {...form.getInputProps('familyNotifiedOn')} data-testid="release-family" />}
            {shown('collectedBy') && <TextInput label={t('release.fields.collectedBy')} {...form.getInputProps('collectedBy')} data-testid="release-collected" />}
            {shown('fileHandedOverOn') && <DateField label={t('release.fields.fileHandedOverOn')} maxDate={today} {...form.getInputProps('fileHandedOverOn')} data-testid="release-handover-date" />}
            {shown('fileHandedTo') && <TextInput label={t('release.fields.fileHandedTo')} {...form.getInputProps('fileHandedTo')} data-testid="release-handed-to" />}
          </SimpleGrid>
          <Switch label={t('release.fields.communityRehab')} {...form.getInputProps('communityRehab', { type: 'checkbox' })} data-testid="release-rehab" />
          {v.communityRehab && (
            <SimpleGrid cols={2}>
              <NumberField label={t('release.fields.communityRehabMonths')} description={t('release.hints.months')} {...form.getInputProps('communityRehabMonths')} data-testid="release-months" />
              <TextInput label={t('release.fields.communityRehabDocNo')} {...form.getInputProps('communityRehabDocNo')} />
            </SimpleGrid>
          )}
          {(v.communityRehab || v.kind === 'community_conversion' || v.stationId || v.receivingCommunity) && (
            <SimpleGrid cols={2}>
              <Select
                label={t('release.fields.stationId')}
                description={t('release.hints.receiver')}
                data={stationOptions}
                clearable
                searchable
                nothingFoundMessage={stations.isLoading ? '…' : undefined}
                {...form.getInputProps('stationId')}
              />
              <TextInput label={t('release.fields.receivingCommunity')} {...form.getInputProps('receivingCommunity')} />
            </SimpleGrid>
          )}
          <TextInput label={t('release.fields.note')} {...form.getInputProps('note')} />
          {released && (
            <Text fz="sm" c="dimmed">
              {t('release.errors.fixedOnceReleased')}
            </Text>
          )}
          <Group justify="flex-end">
            <FormActions onCancel={onClose} loading={mutation.isPending} />
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
