import { hasSession } from '../api/session'
import { prefetchPeopleList } from '../features/people/usePeopleBlocks'
import { prefetchWards } from '../features/wards/wardsQuery'

/*
 * The first module the entry evaluates (main.tsx imports it first): for a signed-in start on a roster or on the file
 * list, it asks for the page's code, the app shell's and the list's first rows right away, instead of after React, Mantine
 * and the texts have been evaluated and the router has matched the URL (about 150–200 ms later on a slow machine).
 * The router asks for the same modules and queries again; the browser and the query cache answer those from these.
 * Light on purpose: nothing here may import the UI libraries, or they would be evaluated first.
 */
function startEarly(): void {
  if (!hasSession()) return
  const match = /^#(\/[^?]*)(\?.*)?$/.exec(window.location.hash)
  if (!match) return
  const [, path = '', query = ''] = match
  const search = new URLSearchParams(query)
  const roster = /^\/wards\/([0-9a-f-]{36})$/.exec(path)
  if (roster) {
    void import('../features/shell/AppLayout')
    void import('../features/wards/WardRosterPage')
    prefetchPeopleList(search, roster[1])
    prefetchWards()
  } else if (path === '/people') {
    void import('../features/shell/AppLayout')
    void import('../features/people/PeopleListPage')
    prefetchPeopleList(search)
  }
}

startEarly()
