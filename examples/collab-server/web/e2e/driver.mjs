// Drives headless Chromium for the Java end-to-end tests: reads one JSON command per line on
// stdin, answers one JSON line on stdout ({"ok": value} or {"error": message}). The browser is
// Debian's /usr/bin/chromium (or $CHROMIUM); nothing is downloaded.
import { chromium } from 'playwright-core'
import readline from 'node:readline'

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
})
const pages = new Map()
let nextPage = 1

const page = (id) => {
  const p = pages.get(id)
  if (!p) throw new Error('no page ' + id)
  return p
}

// What the tests read from a page: the editor's text, the connection, the people it sees.
const inspect = (p) => p.evaluate(() => {
  const w = window.weft
  if (!w) return { ready: false, status: document.getElementById('status')?.dataset.status ?? null }
  const states = [...w.provider.awareness.getStates()]
    .filter(([client]) => client !== w.ydoc.clientID)
    .map(([, s]) => (s.user ? s.user.name : null))
  return {
    ready: true,
    text: w.view.state.doc.toString(),
    synced: w.provider.synced,
    connected: w.provider.wsconnected,
    readOnly: w.readOnly,
    status: document.getElementById('status').dataset.status,
    others: states,
    carets: [...document.querySelectorAll('.cm-ySelectionInfo')].map((e) => e.textContent),
    peersShown: [...document.querySelectorAll('#peers .peer')].map((e) => e.textContent)
  }
})

const typeInto = async (p, text, at) => {
  await p.click('.cm-content')
  if (at === undefined) {
    await p.keyboard.press('Control+End')
  } else {
    await p.evaluate((pos) => window.weft.view.dispatch({ selection: { anchor: pos } }), at)
  }
  await p.keyboard.type(text, { delay: 5 })
}

const commands = {
  async open ({ url, width = 900, height = 600 }) {
    const context = await browser.newContext({ viewport: { width, height } })
    const p = await context.newPage()
    p.on('pageerror', (e) => process.stderr.write('page error: ' + e.message + '\n'))
    await p.goto(url)
    const id = nextPage++
    pages.set(id, p)
    return id
  },
  // Types at the end of the document (or at `at`), key by key, as a person would.
  async type ({ page: id, text, at }) {
    await typeInto(page(id), text, at)
    return true
  },
  // Several pages type at the same time: [{page, text, at}].
  async typeMany ({ edits }) {
    await Promise.all(edits.map(({ page: id, text, at }) => typeInto(page(id), text, at)))
    return true
  },
  // Edits the page's Y.Text directly, bypassing the editor (a client that ignores read-only).
  async insertDirect ({ page: id, text, at = 0 }) {
    return page(id).evaluate(([t, i]) => { window.weft.ytext.insert(i, t); return window.weft.ytext.toString() }, [text, at])
  },
  async inspect ({ page: id }) {
    return inspect(page(id))
  },
  async screenshot ({ page: id, path }) {
    await page(id).screenshot({ path })
    return path
  },
  async closeAll () {
    for (const p of pages.values()) await p.context().close()
    pages.clear()
    return true
  }
}

const lines = readline.createInterface({ input: process.stdin })
for await (const line of lines) {
  if (!line.trim()) continue
  let reply
  try {
    const command = JSON.parse(line)
    const run = commands[command.op]
    if (!run) throw new Error('unknown op ' + command.op)
    reply = { ok: await run(command) }
  } catch (e) {
    reply = { error: String(e && e.message ? e.message : e) }
  }
  process.stdout.write(JSON.stringify(reply) + '\n')
}
await browser.close()
