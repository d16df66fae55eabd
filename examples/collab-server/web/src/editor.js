// The editor page: one CodeMirror 6 view bound to the Y.Text "text" of the document named by the
// URL (/d/NAME), synced with the Weft server over y-websocket, with presence through awareness.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next'
import { basicSetup } from 'codemirror'
import { EditorView, keymap } from '@codemirror/view'
import { EditorState } from '@codemirror/state'
import { fetchToken, keepTokenFresh } from './session.js'
import { pickUser } from './user.js'
import { enableShareButton, showPeers, showStatus } from './chrome.js'

const start = async () => {
  const root = document.getElementById('editor')
  const doc = decodeURIComponent(location.pathname.replace(/^\/d\//, ''))
  const query = new URLSearchParams(location.search)
  const share = query.get('share')
  const first = await fetchToken(doc, share)
  const readOnly = first.access === 'r'

  const ydoc = new Y.Doc()
  const ytext = ydoc.getText('text')
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  const provider = new WebsocketProvider(scheme + '//' + location.host + '/sync', doc, ydoc, {
    params: { token: first.token },
    disableBc: true
  })
  const user = pickUser(query.get('user'))
  provider.awareness.setLocalStateField('user', { ...user, readOnly })
  keepTokenFresh(provider, doc, share, first, () => showStatus('denied'))

  const view = new EditorView({
    parent: root,
    state: EditorState.create({
      doc: ytext.toString(),
      extensions: [
        keymap.of([...yUndoManagerKeymap]),
        basicSetup,
        EditorView.lineWrapping,
        EditorState.readOnly.of(readOnly),
        EditorView.editable.of(!readOnly),
        yCollab(ytext, provider.awareness)
      ]
    })
  })

  provider.on('status', ({ status }) => showStatus(status))
  provider.on('sync', (synced) => { if (synced) showStatus('synced') })
  provider.awareness.on('change', () => showPeers(provider.awareness, ydoc.clientID))
  showPeers(provider.awareness, ydoc.clientID)
  document.body.classList.toggle('read-only', readOnly)
  enableShareButton(doc)
  // for the end-to-end tests and the curious: the live objects of this page
  window.weft = { ydoc, ytext, provider, view, readOnly }
}

start().catch((e) => {
  showStatus('error')
  console.error(e)
})
