import { Code, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DemoAccount } from '@shared/contract'
import { ROLES, type Role } from '@shared/domain/roles'

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

export function DemoAccountsTable({ accounts }: { accounts: DemoAccount[] }) {
  const { t } = useTranslation()
  return (
    <Table withTableBorder striped data-testid="demo-accounts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('staff.role')}</Table.Th>
          <Table.Th>{t('staff.displayName')}</Table.Th>
          <Table.Th>{t('staff.username')}</Table.Th>
          <Table.Th>{t('login.password')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {accounts.map((a) => (
          <Table.Tr key={a.username}>
            <Table.Td>{isRole(a.role) ? t(`role.${a.role}`) : a.role}</Table.Td>
            <Table.Td>{a.displayName}</Table.Td>
            <Table.Td>
              <Code>{a.username}</Code>
            </Table.Td>
            <Table.Td>
              <Code>{a.password}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
