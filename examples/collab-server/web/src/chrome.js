// The page around the editor: connection status and the list of people in the document.

/** @param {string} status connecting, connected, synced, disconnected, denied or error */
export const showStatus = (status) => {
  const el = document.getElementById('status')
  if (el) {
    el.textContent = status
    el.dataset.status = status
  }
}

export const showPeers = (awareness, self) => {
  const list = document.getElementById('peers')
  if (!list) return
  list.replaceChildren()
  for (const [client, state] of awareness.getStates()) {
    if (!state.user) continue
    const item = document.createElement('li')
    item.className = 'peer' + (client === self ? ' self' : '')
    item.style.borderColor = state.user.color
    item.textContent = state.user.name + (client === self ? ' (you)' : '') + (state.user.readOnly ? ' · viewing' : '')
    item.dataset.client = String(client)
    list.append(item)
  }
}

/** The "Read-only link" button: asks the server for a share link and shows it. */
export const enableShareButton = (doc) => {
  const button = document.getElementById('share')
  const out = document.getElementById('share-link')
  if (!button || !out) return
  button.addEventListener('click', async () => {
    const response = await fetch('/api/share?' + new URLSearchParams({ doc }), { cache: 'no-store' })
    if (!response.ok) return
    const { path } = await response.json()
    const link = location.origin + path
    out.textContent = 'Read-only link: ' + link
    out.hidden = false
    try { await navigator.clipboard.writeText(link) } catch (e) { /* not allowed here: the link is shown */ }
  })
}
