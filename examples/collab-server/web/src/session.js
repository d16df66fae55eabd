// Tokens for the WebSocket handshake: fetched from the server before connecting, refreshed before
// they expire and again whenever the connection drops, so a reconnect always carries a fresh one.

const REFRESH_FRACTION = 0.5

/**
 * @param {string} doc the document name
 * @param {string | null} share a read-only share grant from the page's URL, or null
 * @return {Promise<{ token: string, access: 'rw' | 'r', expiresInSeconds: number }>}
 */
export const fetchToken = async (doc, share) => {
  const query = new URLSearchParams({ doc })
  if (share) query.set('share', share)
  const response = await fetch('/api/token?' + query, { cache: 'no-store' })
  if (!response.ok) {
    throw new Error('token endpoint answered ' + response.status + ': ' + await response.text())
  }
  return response.json()
}

/**
 * Keeps provider.params.token valid: y-websocket reads params each time it opens a connection.
 * After a permission-denied close (a token signed by an earlier server run, say) it fetches a new
 * token and connects again, a bounded number of times in a row.
 */
export const keepTokenFresh = (provider, doc, share, first, onDenied) => {
  let timer = null
  let deniedInARow = 0
  const schedule = (grant) => {
    clearTimeout(timer)
    timer = setTimeout(refresh, Math.max(1000, grant.expiresInSeconds * 1000 * REFRESH_FRACTION))
  }
  const refresh = async () => {
    try {
      const grant = await fetchToken(doc, share)
      provider.params.token = grant.token
      schedule(grant)
      return true
    } catch (e) {
      // the server is unreachable: try again soon, and at the next connection drop
      clearTimeout(timer)
      timer = setTimeout(refresh, 2000)
      return false
    }
  }
  schedule(first)
  provider.on('connection-close', () => { refresh() })
  provider.on('sync', (synced) => { if (synced) deniedInARow = 0 })
  provider.on('closed', async () => {
    deniedInARow++
    if (deniedInARow > 3) {
      onDenied()
      return
    }
    while (!(await refresh())) {
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    provider.connect()
  })
}
