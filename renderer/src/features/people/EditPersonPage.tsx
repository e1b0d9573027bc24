import { Alert, Button, Group, Paper, Skeleton, Stack, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { contract, type PersonFile } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useContractForm } from '../../lib/useContractForm'
import { useFacility } from '../shell/useFacility'
import { IdentityFields } from './form/IdentityFields'
import { crossChecks, identityInput, valuesFromFile, type PersonFormValues } from './form/personFormValues'

/** The values hold no id or revision (they come with the file), so the fields are checked without them. */
const editSchema = contract['people:update'].input.omit({ id: true, revision: true })

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
  const initialValues: PersonFormValues = valuesFromFile(file)
  const { form, mutation: update, submit } = useContractForm('people:update', {
    initialValues,
    schema: editSchema,
    extraValidate: (v) => crossChecks(v, today),
    validateInputOnBlur: ['idNumber', 'birthDate', 'sex', 'decisionDate', 'admissionDate'],
    focusFirstInvalid: true,
    toInput: (v) => ({ id: file.id, revision: file.revision, ...identityInput(v), changeNote: v.changeNote.trim() || undefined }),
    onSuccess: () => void navigate(`/people/${file.id}`, { replace: true }),
  })
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
