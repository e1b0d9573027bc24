import { Box, Center, Stack } from '@mantine/core'
import type { ReactNode } from 'react'

/** Full-window layout for pages outside the app shell (set-up, sign-in, fatal messages). */
export function CenteredPage({ children, width = 440 }: { children: ReactNode; width?: number }) {
  return (
    <Box mih="100vh" bg="gray.1" py={48} px="md">
      <Center>
        <Stack w="100%" maw={width} gap="lg">
          {children}
        </Stack>
      </Center>
    </Box>
  )
}
