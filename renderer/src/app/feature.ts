import type { Icon } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { PersonFile } from '@shared/contract'
import type { Permission } from '@shared/domain/roles'
import type { WriteEffects } from '../api/hooks'

/**
 * What one feature (features/<domain>/index.ts) contributes to the app. The router, the shell's navigation, the person
 * file, the ward screens and the settings page loop over every registered feature (features/index.ts) instead of
 * importing each one, so a new capability is one folder plus one line in that list.
 *
 * Index modules stay light: pages and panels are loaded on first use (`load`, `lazyComponent`), so each feature's code
 * is its own bundle chunk and the sign-in screen never waits for it.
 */
export interface FeatureModule {
  /** Pages inside the app shell, each behind its permission. */
  routes?: readonly FeatureRoute[]
  /** Pages for a signed-in user outside the shell (printable layouts: no navigation in the printout). */
  bareRoutes?: readonly FeatureRoute[]
  /**
   * Pages before sign-in. Sign-in is the first screen of every start, so it is bundled with the app (`Page`); set-up
   * is seen once per facility, so it is fetched when first shown (`load`) and the sign-in screen never carries it.
   */
  publicRoutes?: readonly PublicRoute[]
  navItems?: readonly NavItem[]
  /** Tabs of the person file, in feature order (the first one is the default tab). */
  personTabs?: readonly PersonTab[]
  /**
   * Sections a feature adds below another feature's person tab (named by the tab's `value`), in feature order: one
   * centre's tab gathers what several features record (the 教育培训 tab shows courses, knowledge tests, certificates
   * and employment, each from its own feature).
   */
  personSections?: readonly PersonSection[]
  /** Alerts above the person file's header (e.g. an open crisis). */
  personBanners?: readonly PersonBanner[]
  /** Ward-level screens a feature adds, linked from each ward card and from the ward roster's header. */
  wardPanels?: readonly WardPanel[]
  /** Cards on the settings page after the facility's own. */
  settingsCards?: readonly SettingsCard[]
  /** For each domain whose writes this feature knows: the other domains' queries such a write can change. */
  writeEffects?: WriteEffects
}

/** Texts are resolved when rendered, so a language switch relabels everything. */
export type Label = (t: TFunction) => string

export interface FeatureRoute {
  /** Relative to the app root, as react-router matches it (`wards/:wardId/psych`). */
  path: string
  /** Users without it get the 403 panel (RequirePermission). */
  permission: Permission
  /** The page component, imported on first visit. */
  load: () => Promise<ComponentType>
  /**
   * Starts the page's first requests as soon as the route is entered (signed in), beside fetching its code, so they
   * are answered by the time the page renders (a cold start on a roster, a ward switch). Must stay light: it is in
   * the first bundle. The page's own queries must use the same keys.
   */
  prefetch?: (at: { params: Readonly<Record<string, string | undefined>>; search: URLSearchParams }) => void
}

export type PublicRoute = { path: string; Page: ComponentType } | { path: string; load: () => Promise<ComponentType> }

export interface NavItem {
  to: string
  label: Label
  icon: Icon
  permission: Permission
  /** The side bar's two groups: daily work, then administration. */
  group: 'work' | 'admin'
}

export interface PersonTab {
  /** The `?tab=` value. */
  value: string
  label: Label
  icon: Icon
  /** Hidden (and not selectable by URL) without it. */
  permission?: Permission
  Panel: ComponentType<{ file: PersonFile }>
}

export interface PersonSection {
  /** The `value` of the tab it is shown in; a section whose tab is absent or not permitted is not shown. */
  tab: string
  key: string
  permission?: Permission
  Section: ComponentType<{ file: PersonFile }>
}

export interface PersonBanner {
  key: string
  permission: Permission
  Banner: ComponentType<{ personId: string }>
}

export interface WardPanel {
  key: string
  label: Label
  icon: Icon
  permission: Permission
  to: (wardId: string) => string
  testId?: string
}

export interface SettingsCard {
  key: string
  permission: Permission
  Card: ComponentType
}

/** A component whose module is imported the first time it renders (inside a Suspense boundary). */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: await load() }))
}

/** Every feature's contributions of one kind, in registration order. */
export function contributions<K extends Exclude<keyof FeatureModule, 'writeEffects'>>(
  features: readonly FeatureModule[],
  kind: K,
): NonNullable<FeatureModule[K]>[number][] {
  return features.flatMap((feature) => (feature[kind] ?? []) as NonNullable<FeatureModule[K]>[number][])
}
