import { Alert, Button, Group, Paper, Skeleton, Stack, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { contract, type PersonFile } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { SaveErrorAlert } from '../../components/SaveErrorAlert'
import { useContractForm } from '../../lib/useContractForm'
import { DraftOffer, useFormDraft } from '../../lib/useFormDraft'
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
      {file.data && <EditForm file={file.data} reload={async () => (await file.refetch()).data} />}
    </>
  )
}

/**
 * The form edits the file as it was when opened: the revision is pinned then, so a newer file arriving meanwhile (a
 * colleague's save, announced live) makes this save a conflict ("changed by X at T") instead of a silent overwrite. The
 * latest content replaces the typed values only when the user asks (重新载入最新内容).
 */
function EditForm({ file, reload }: { file: PersonFile; reload: () => Promise<PersonFile | undefined> }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const today = useFacility().data?.today
  const [revision, setRevision] = useState(file.revision)
  const { form, mutation: update, submit } = useContractForm('people:update', {
    initialValues: valuesFromFile(file),
    schema: editSchema,
    extraValidate: (v) => crossChecks(v, today),
    validateInputOnBlur: ['idNumber', 'birthDate', 'sex', 'decisionDate', 'admissionDate'],
    focusFirstInvalid: true,
    toInput: (v) => ({ id: file.id, revision, ...identityInput(v), changeNote: v.changeNote.trim() || undefined }),
    onSuccess: () => {
      draft.clear()
      void navigate(`/people/${file.id}`, { replace: true })
    },
  })
  const draft = useFormDraft(`person.edit.${file.id}`, form, { enabled: !file.voided })
  const reloadLatest = async () => {
    const latest = await reload()
    if (!latest) return
    const values: PersonFormValues = valuesFromFile(latest)
    form.setInitialValues(values)
    form.setValues(values)
    form.resetDirty(values)
    draft.clear(values)
    setRevision(latest.revision)
    update.reset()
  }
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
        <DraftOffer draft={draft} />
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
        <SaveErrorAlert error={update.error} onReload={reloadLatest} />
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
