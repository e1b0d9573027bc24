import { Button, Group, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { PageHeader } from '../../components/PageHeader'
import { SaveErrorAlert } from '../../components/SaveErrorAlert'
import { useContractForm } from '../../lib/useContractForm'
import { DraftOffer, useFormDraft } from '../../lib/useFormDraft'
import { useFacility } from '../shell/useFacility'
import { IdentityFields } from './form/IdentityFields'
import { PlacementFields } from './form/PlacementFields'
import { crossChecks, emptyPersonValues, identityInput, type PersonFormValues } from './form/personFormValues'

export function CreatePersonPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const today = useFacility().data?.today
  const initialValues: PersonFormValues = emptyPersonValues(params.get('ward') ?? '')
  const { form, mutation: create, submit } = useContractForm('people:create', {
    initialValues,
    extraValidate: (v) => crossChecks(v, today),
    validateInputOnBlur: ['idNumber', 'birthDate', 'sex', 'decisionDate', 'admissionDate'],
    focusFirstInvalid: true,
    toInput: (v) => ({
      ...identityInput(v),
      wardId: v.wardId,
      period: v.period,
      periodStart: v.periodStart || undefined,
      note: v.note.trim() || undefined,
    }),
    success: t('people.created'),
    onSuccess: (out) => {
      draft.clear()
      void navigate(`/people/${out.id}`, { replace: true })
    },
  })
  // One draft per ward the form was opened for (the 新建 button of a ward's roster presets it).
  const draft = useFormDraft(`person.new.${params.get('ward') ?? ''}`, form)
  return (
    <form onSubmit={submit} noValidate>
      <PageHeader back={{ to: '/people', label: t('people.title') }} title={t('people.newTitle')} subtitle={t('people.newSubtitle')} />
      <Stack gap="md" maw={1100}>
        <DraftOffer draft={draft} />
        <IdentityFields form={form} today={today} />
        <PlacementFields form={form} today={today} />
        <SaveErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void navigate(-1)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} miw={120}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
