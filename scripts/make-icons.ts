/**
 * Draws the application icon from resources/icons/icon.svg and writes what electron-builder packs:
 *   resources/icons/png/512x512.png, 256x256.png  (Linux: deb and AppImage take a folder of NxN.png files)
 *   resources/icons/icon.ico                      (Windows: NSIS installer, shortcuts and the .exe)
 * The PNGs are committed; run this again only after changing the SVG:  npx tsx scripts/make-icons.ts
 *
 * It uses only what the project already installs: Playwright's Chromium draws the SVG (each size from the vector, so the
 * small Windows sizes stay sharp), with the 新 glyph from @fontsource/noto-sans-sc so the mark does not depend on the
 * fonts of the machine that runs it. The ICO container is assembled here: since Windows Vista an ICO entry may hold a
 * whole PNG, so the file is a 6-byte header, one 16-byte directory entry per size, then the PNGs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const ICONS = join(ROOT, 'resources/icons')
const LINUX_SIZES = [512, 256] as const
// What Windows asks an .ico for: taskbar, title bar, Explorer views, the installer's pages.
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const
// The same path the e2e tests use; Playwright's own browser download is not reachable from these machines.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** One page per size: the SVG scaled to the viewport, the page background transparent. */
async function renderPngs(sizes: readonly number[]): Promise<Map<number, Buffer>> {
  const svg = readFileSync(join(ICONS, 'icon.svg'), 'utf8')
  const fontCss = pathToFileURL(join(ROOT, 'node_modules/@fontsource/noto-sans-sc/700.css')).href
  const work = mkdtempSync(join(tmpdir(), 'xinsheng-icons-'))
  const page = join(work, 'icon.html')
  writeFileSync(
    page,
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${fontCss}">
<style>html,body{margin:0;background:transparent}svg{display:block;width:100vw;height:100vh}</style></head>
<body>${svg}</body></html>`,
  )
  const browser = await chromium.launch({ executablePath: CHROMIUM })
  try {
    const pngs = new Map<number, Buffer>()
    for (const size of sizes) {
      const tab = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 })
      await tab.goto(pathToFileURL(page).href)
      // The glyph must come from the web font, not a fallback: wait for it and refuse to write a wrong icon.
      const fontLoaded = await tab.evaluate(async () => {
        await document.fonts.load('700 100px "Noto Sans SC"', '新')
        return document.fonts.check('700 100px "Noto Sans SC"', '新')
      })
      if (!fontLoaded) throw new Error('Noto Sans SC did not load: run npm ci first')
      pngs.set(size, await tab.screenshot({ omitBackground: true, type: 'png' }))
      await tab.close()
    }
    return pngs
  } finally {
    await browser.close()
    rmSync(work, { recursive: true, force: true })
  }
}

/** An ICO file whose entries are PNG images (width and height 0 in the directory mean 256). */
export function icoFromPngs(pngs: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(pngs.length, 4)
  const directory = Buffer.alloc(16 * pngs.length)
  let offset = header.length + directory.length
  pngs.forEach(({ size, png }, index) => {
    const entry = index * 16
    directory.writeUInt8(size >= 256 ? 0 : size, entry)
    directory.writeUInt8(size >= 256 ? 0 : size, entry + 1)
    directory.writeUInt8(0, entry + 2) // no palette
    directory.writeUInt8(0, entry + 3) // reserved
    directory.writeUInt16LE(1, entry + 4) // colour planes
    directory.writeUInt16LE(32, entry + 6) // bits per pixel (RGBA)
    directory.writeUInt32LE(png.length, entry + 8)
    directory.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, directory, ...pngs.map(({ png }) => png)])
}

async function main(): Promise<void> {
  const sizes = [...new Set<number>([...LINUX_SIZES, ...ICO_SIZES])].sort((a, b) => a - b)
  const pngs = await renderPngs(sizes)
  for (const size of LINUX_SIZES) writeFileSync(join(ICONS, 'png', `${size}x${size}.png`), pngs.get(size)!)
  writeFileSync(join(ICONS, 'icon.ico'), icoFromPngs(ICO_SIZES.map((size) => ({ size, png: pngs.get(size)! }))))
  console.log(`wrote ${LINUX_SIZES.map((s) => `${s}x${s}.png`).join(', ')} in resources/icons/png and icon.ico (${ICO_SIZES.join(', ')} px)`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
