import { Button, Group, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { contract } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { PageHeader } from '../../components/PageHeader'
import { applyServerErrors, focusFirstError, zodValidate } from '../../lib/forms'
import { useFacility } from '../shell/useFacility'
import { IdentityFields } from './form/IdentityFields'
import { PlacementFields } from './form/PlacementFields'
import { crossChecks, emptyPersonValues, identityInput, type PersonFormValues } from './form/personFormValues'

export function CreatePersonPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const today = useFacility().data?.today
  const form = useForm<PersonFormValues>({
    initialValues: emptyPersonValues(params.get('ward') ?? ''),
    validate: zodValidate<PersonFormValues>(contract['people:create'].input, (v) => crossChecks(v, today)),
    validateInputOnBlur: ['idNumber', 'birthDate', 'sex', 'decisionDate', 'admissionDate'],
  })
  const create = useApiMutation('people:create', {
    success: t('people.created'),
    onSuccess: (out) => void navigate(`/people/${out.id}`, { replace: true }),
  })
  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        ...identityInput(v),
        wardId: v.wardId,
        period: v.period,
        periodStart: v.periodStart || undefined,
        note: v.note.trim() || undefined,
      },
      { onError: (e) => applyServerErrors(form, e) },
    ),
    focusFirstError,
  )
  return (
    <form onSubmit={submit} noValidate>
      <PageHeader back={{ to: '/people', label: t('people.title') }} title={t('people.newTitle')} subtitle={t('people.newSubtitle')} />
      <Stack gap="md" maw={1100}>
        <IdentityFields form={form} today={today} />
        <PlacementFields form={form} today={today} />
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
