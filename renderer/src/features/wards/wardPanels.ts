import { contributions, type WardPanel } from '../../app/feature'
import { useCan } from '../auth/UserContext'
import { features } from '../index'

const PANELS = contributions(features, 'wardPanels')

/** The ward-level screens other features add (psychology: the ward psych screen) that this user may open. */
export function useWardPanels(): WardPanel[] {
  const can = useCan()
  return PANELS.filter((panel) => can(panel.permission))
}
