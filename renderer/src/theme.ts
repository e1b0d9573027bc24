import { createTheme, type MantineColorsTuple } from '@mantine/core'

/** A deep institutional blue; shade 8 is the working colour. */
const ink: MantineColorsTuple = [
  '#eef3f9',
  '#dce5f1',
  '#b5c8e2',
  '#8caad3',
  '#6990c6',
  '#527fbe',
  '#4577bb',
  '#3665a5',
  '#2c5994',
  '#1e4a80',
]

const FONT = '"Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'

export const theme = createTheme({
  primaryColor: 'ink',
  primaryShade: 8,
  colors: { ink },
  fontFamily: FONT,
  fontFamilyMonospace: '"JetBrains Mono", "Cascadia Mono", Consolas, monospace',
  headings: { fontFamily: FONT, fontWeight: '600' },
  defaultRadius: 'sm',
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    PasswordInput: { defaultProps: { size: 'sm' } },
    // Unmount closed dropdowns: a hidden listbox labelled like its input would make getByLabel ambiguous.
    Select: { defaultProps: { size: 'sm', allowDeselect: false, autoSelectOnBlur: false, comboboxProps: { shadow: 'md', keepMounted: false } } },
    NumberInput: { defaultProps: { size: 'sm' } },
    Textarea: { defaultProps: { size: 'sm' } },
    Paper: { defaultProps: { withBorder: true, radius: 'sm' } },
    Card: { defaultProps: { withBorder: true, radius: 'sm' } },
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
    Modal: { defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.35 } } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    Badge: { defaultProps: { radius: 'sm' }, styles: { label: { textTransform: 'none' } } },
  },
})
