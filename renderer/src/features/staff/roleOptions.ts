import type { TFunction } from 'i18next'
import { ROLES } from '@shared/domain/roles'

export function roleOptions(t: TFunction) {
  return ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))
}
