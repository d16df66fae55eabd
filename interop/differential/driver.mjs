// The Node side of Weft's differential tests: one long-lived process that runs the pinned yjs and
// y-protocols for the JVM. It reads one JSON command per line on stdin and writes one JSON answer
// per line on stdout; byte arrays travel as base64. See README.md for the commands.

import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as sync from 'y-protocols/sync'
import { createInterface } from 'node:readline'
import { roots, randomEdit } from './edits.mjs'

const b64 = bytes => Buffer.from(bytes).toString('base64')
const unb64 = s => new Uint8Array(Buffer.from(s, 'base64'))

/** JSON with sorted keys, Uint8Array and undefined tagged, so that both sides compare strings. */
export const canonical = v => JSON.stringify(tag(v))
const tag = v => {
  if (v === undefined) return { $undefined: true }
  if (v instanceof Y.AbstractType) return tag(v.toJSON())
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('hex') }
  if (Array.isArray(v)) return v.map(tag)
  if (v !== null && typeof v === 'object') {
    const out = {}
    for (const k of Object.keys(v).sort()) out[k] = tag(v[k])
    return out
  }
  return v
}

/** What the JVM compares: every root's JSON, the text's delta, state vector, v1 and v2 state. */
const stateOf = doc => {
  const r = roots(doc)
  const json = {}
  for (const name of Object.keys(r)) json[name] = r[name].toJSON()
  return {
    roots: canonical(json),
    delta: canonical(r.text.toDelta()),
    sv: b64(Y.encodeStateVector(doc)),
    v1: b64(Y.encodeStateAsUpdate(doc)),
    v2: b64(Y.encodeStateAsUpdateV2(doc))
  }
}

const newDoc = clientId => {
  const doc = new Y.Doc()
  doc.clientID = clientId
  roots(doc)
  return doc
}

const applyAll = updates => {
  const doc = newDoc(4242)
  for (const { v, u } of updates) {
    if (v === 2) Y.applyUpdateV2(doc, unb64(u))
    else Y.applyUpdate(doc, unb64(u))
  }
  return doc
}

/**
 * Yjs documents editing concurrently with partial syncs. Answers each transaction's local update in
 * order, extra updates that Yjs merged, diffed or produced while syncing (v1 and v2), and the state
 * that all updates give.
 */
const scenario = ({ seed, clients, steps }) => {
  const gen = prng.create(seed)
  const docs = clients.map(newDoc)
  const updates = []
  const stats = { formats: 0, deletes: 0 }
  const svs = []
  docs.forEach(d => d.on('update', (u, origin) => { if (origin !== 'sync') updates.push(u) }))
  const extras = []
  for (let step = 0; step < steps; step++) {
    const r = prng.int32(gen, 0, 9)
    if (r < 2 && docs.length > 1) {
      const a = prng.oneOf(gen, docs)
      const b = prng.oneOf(gen, docs)
      if (a !== b) {
        const u = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
        Y.applyUpdate(b, u, 'sync')
        if (prng.int32(gen, 0, 3) === 0) extras.push({ v: 1, u: b64(u) })
      }
    } else {
      randomEdit(gen, prng.oneOf(gen, docs), stats)
    }
    if (prng.int32(gen, 0, 9) === 0) svs.push(Y.encodeStateVector(prng.oneOf(gen, docs)))
  }
  const subset = () => updates.filter(() => prng.bool(gen))
  if (updates.length > 0) {
    extras.push({ v: 1, u: b64(Y.mergeUpdates(subset())) })
    const all = Y.mergeUpdates(updates)
    for (const sv of svs.slice(0, 2)) extras.push({ v: 1, u: b64(Y.diffUpdate(all, sv)) })
    const v2s = subset().map(Y.convertUpdateFormatV1ToV2)
    extras.push({ v: 2, u: b64(Y.mergeUpdatesV2(v2s)) })
    if (svs.length > 0) extras.push({ v: 2, u: b64(Y.diffUpdateV2(Y.convertUpdateFormatV1ToV2(all), prng.oneOf(gen, svs))) })
    const one = prng.oneOf(gen, updates)
    extras.push({ v: 2, u: b64(Y.convertUpdateFormatV1ToV2(one)) })
  }
  const expect = stateOf(applyAll(updates.map(u => ({ v: 1, u: b64(u) }))))
  // Yjs agrees with itself: replicas that exchanged everything hold the same content.
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'sync')
  // Formatting cleanup depends on the delivery order in Yjs too: with formatting and deletions,
  // only the content without formatting is expected to agree (the text root's JSON has none; XML
  // texts print theirs as <b> and <em> tags).
  const synced = stateOf(docs[0])
  const plain = roots => stats.formats > 0 && stats.deletes > 0 ? roots.replace(/<\/?(b|em)( [^>]*)?>/g, '') : roots
  if (plain(synced.roots) !== plain(expect.roots) || synced.sv !== expect.sv) throw new Error('yjs replicas disagree')
  return { updates: updates.map(b64), extras, expect, formats: stats.formats, deletes: stats.deletes }
}

// Mixed sessions: Yjs peers that speak y-protocols sync messages (y-websocket framing: a leading
// messageSync 0) with the JVM, which routes the messages.
const MESSAGE_SYNC = 0
const peers = new Map()

const message = write => {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, MESSAGE_SYNC)
  write(enc)
  return encoding.toUint8Array(enc)
}

const openPeer = ({ id, client, seed }) => {
  const doc = newDoc(client)
  const peer = { doc, gen: prng.create(seed), out: [], stats: { formats: 0, deletes: 0 } }
  doc.on('update', (u, origin) => {
    if (origin !== 'remote') peer.out.push(b64(message(e => sync.writeUpdate(e, u))))
  })
  peers.set(id, peer)
  return {}
}

const drain = peer => {
  const out = peer.out
  peer.out = []
  return out
}

const peerOf = id => {
  const p = peers.get(id)
  if (!p) throw new Error('no peer ' + id)
  return p
}

const receive = ({ id, msg }) => {
  const peer = peerOf(id)
  const dec = decoding.createDecoder(unb64(msg))
  if (decoding.readVarUint(dec) !== MESSAGE_SYNC) return { reply: [], out: drain(peer) } // awareness: not simulated
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, MESSAGE_SYNC)
  const type = sync.readSyncMessage(dec, enc, peer.doc, 'remote', e => { throw e })
  if (decoding.hasContent(dec)) throw new Error('trailing bytes in a sync message')
  const reply = type === sync.messageYjsSyncStep1 ? [b64(encoding.toUint8Array(enc))] : []
  return { reply, out: drain(peer) }
}

const COMMANDS = {
  scenario,
  apply: ({ updates }) => stateOf(applyAll(updates)),
  merge: ({ updates, v }) => ({ u: b64((v === 2 ? Y.mergeUpdatesV2 : Y.mergeUpdates)(updates.map(unb64))) }),
  diff: ({ update, sv, v }) => ({ u: b64((v === 2 ? Y.diffUpdateV2 : Y.diffUpdate)(unb64(update), unb64(sv))) }),
  svFromUpdate: ({ update, v }) => ({ sv: b64((v === 2 ? Y.encodeStateVectorFromUpdateV2 : Y.encodeStateVectorFromUpdate)(unb64(update))) }),
  openPeer,
  editPeer: ({ id, steps }) => {
    const peer = peerOf(id)
    for (let i = 0; i < steps; i++) randomEdit(peer.gen, peer.doc, peer.stats)
    return { out: drain(peer) }
  },
  step1: ({ id }) => ({ msg: b64(message(e => sync.writeSyncStep1(e, peerOf(id).doc))) }),
  receive,
  peerState: ({ id }) => ({ ...stateOf(peerOf(id).doc), ...peerOf(id).stats }),
  closePeers: () => { peers.clear(); return {} },
  versions: () => ({ node: process.version })
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', line => {
  let answer
  try {
    const request = JSON.parse(line)
    const command = COMMANDS[request.cmd]
    if (!command) throw new Error('unknown command ' + request.cmd)
    answer = { ok: command(request) }
  } catch (e) {
    answer = { error: String(e && e.stack ? e.stack : e) }
  }
  process.stdout.write(JSON.stringify(answer) + '\n')
})
