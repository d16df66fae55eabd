// Real y-websocket clients against a y-websocket compatible server (Weft's SyncEndpoint in CI).
//
//   node websocket/clients.mjs --url ws://127.0.0.1:8080/sync --room notes --clients 4 --token t
//
// N providers join one room and edit a Y.Text named "t" concurrently (inserts and deletes at
// seeded random positions), half of them leave, edit offline and rejoin, then everyone waits for
// convergence: equal texts and equal state vectors. Awareness is checked before the rejoin: a
// rejoining y-websocket client re-sends its presence with an unchanged clock, which y-protocols
// peers (the reference server too) ignore until its next 15 s renewal. A fresh observer then
// joins and syncs from the server alone, and a client with a wrong token checks that it is
// refused permanently (close code 4400-4499, `closed` event).
//
// Prints one JSON object on stdout: { texts, observer, denied }. Exits 1 on timeout.

import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]])
  return pairs
}, []))
const url = args.url
const room = args.room ?? 'interop'
const n = Number(args.clients ?? 4)
const token = args.token ?? ''
const timeoutMs = Number(args.timeout ?? 30000)
if (!url) {
  console.error('usage: clients.mjs --url ws://host:port/base [--room r] [--clients n] [--token t]')
  process.exit(2)
}

// Seeded (mulberry32) so a failing run can be repeated: --seed s.
let seed = Number(args.seed ?? 20240611) >>> 0
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const connect = (name, params) => {
  const doc = new Y.Doc()
  // disableBc: clients in one process would otherwise sync over BroadcastChannel, not the server
  const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket, params, disableBc: true })
  provider.awareness.setLocalState({ user: { name } })
  return { name, doc, text: doc.getText('t'), provider }
}

const started = Date.now()
const waitFor = async (what, condition) => {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what)
    await sleep(20)
  }
  console.error(`${Date.now() - started} ms: ${what}`) // progress, for a failing run's log
}

const edit = (c, k) => {
  const len = c.text.length
  if (len > 8 && random() < 0.25) {
    const at = Math.floor(random() * (len - 3))
    c.text.delete(at, 1 + Math.floor(random() * 3))
  } else {
    c.text.insert(Math.floor(random() * (len + 1)), `${c.name}.${k} `)
  }
}

const sameVectors = (clients) => {
  const first = Y.encodeStateVector(clients[0].doc).toString()
  return clients.every((c) => Y.encodeStateVector(c.doc).toString() === first)
}

const main = async () => {
  const clients = Array.from({ length: n }, (_, i) => connect('c' + i, { token }))
  await waitFor('all clients to sync', () => clients.every((c) => c.provider.synced))
  await waitFor('every client to see every awareness state', () =>
    clients.every((c) => c.provider.awareness.getStates().size === n))

  for (let k = 0; k < 20; k++) { // concurrent edits, all online
    for (const c of clients) edit(c, k)
    await sleep(random() * 10)
  }

  const leavers = clients.filter((_, i) => i % 2 === 1)
  for (const c of leavers) c.provider.disconnect()
  for (let k = 20; k < 30; k++) { // leavers edit offline while the others go on
    for (const c of clients) edit(c, k)
    await sleep(random() * 5)
  }
  for (const c of leavers) c.provider.connect()

  await waitFor('convergence', () =>
    clients.every((c) => c.provider.synced && c.text.toString() === clients[0].text.toString()) &&
    sameVectors(clients))

  const observer = connect('observer', { token })
  await waitFor('the observer to sync', () =>
    observer.provider.synced && observer.text.toString() === clients[0].text.toString())

  const denied = await new Promise((resolve) => {
    const intruder = connect('intruder', { token: token + '-wrong' })
    const result = { code: null, closed: false }
    intruder.provider.on('connection-close', (event) => { if (event) result.code = event.code })
    intruder.provider.on('closed', () => {
      result.closed = true
      intruder.provider.destroy()
      resolve(result)
    })
    setTimeout(() => { intruder.provider.destroy(); resolve(result) }, 5000)
  })

  const report = {
    texts: clients.map((c) => c.text.toString()),
    observer: observer.text.toString(),
    denied
  }
  for (const c of [...clients, observer]) c.provider.destroy()
  process.stdout.write(JSON.stringify(report) + '\n')
}

main().then(() => process.exit(0), (err) => {
  console.error(err.stack || String(err))
  process.exit(1)
})
