import { Alert, Button, Group, Paper, Skeleton, Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { z } from 'zod'
import { identityFields, optionalText, type PersonFile } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { applyServerErrors, focusFirstError, zodValidate } from '../../lib/forms'
import { useFacility } from '../shell/useFacility'
import { IdentityFields } from './form/IdentityFields'
import { crossChecks, identityInput, valuesFromFile, type PersonFormValues } from './form/personFormValues'

const editSchema = z.object({ ...identityFields, changeNote: optionalText(200) })

export function EditPersonPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const file = useApiQuery('people:get', { id })
  return (
    <>
      <PageHeader
        back={{ to: `/people/${id}`, label: file.data?.identity.name ?? t('file.back') }}
        title={t('people.editTitle')}
        subtitle={file.data ? `${file.data.identity.name} · ${file.data.idNumberMasked}` : undefined}
      />
      {file.isPending && (
        <Paper p="lg" maw={1100}>
          <Skeleton h={240} />
        </Paper>
      )}
      {file.isError && <ErrorAlert error={file.error} onRetry={() => void file.refetch()} />}
      {file.data && <EditForm file={file.data} />}
    </>
  )
}

function EditForm({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const today = useFacility().data?.today
  const form = useForm<PersonFormValues>({
    initialValues: valuesFromFile(file),
    validate: zodValidate<PersonFormValues>(editSchema, (v) => crossChecks(v, today)),
    validateInputOnBlur: ['idNumber', 'birthDate', 'sex', 'decisionDate', 'admissionDate'],
  })
  const update = useApiMutation('people:update', {
    onSuccess: () => void navigate(`/people/${file.id}`, { replace: true }),
  })
  const submit = form.onSubmit((v) =>
    update.mutate(
      { id: file.id, revision: file.revision, ...identityInput(v), changeNote: v.changeNote.trim() || undefined },
      { onError: (e) => applyServerErrors(form, e) },
    ),
    focusFirstError,
  )
  if (file.voided) {
    return (
      <Alert color="red" variant="light">
        {t('person.voided')}
      </Alert>
    )
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={1100}>
        <IdentityFields form={form} today={today} />
        <Paper p="lg">
          <Textarea
            label={t('field.changeNote')}
            description={t('field.changeNoteHint')}
            autosize
            minRows={2}
            {...form.getInputProps('changeNote')}
          />
        </Paper>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void navigate(`/people/${file.id}`)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} miw={120} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
