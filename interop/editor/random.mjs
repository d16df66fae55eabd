// Random editor scenarios for differential testing: each seed gives a scenario of random edits
// on two peers (text, map, array, nested types), syncs, clock ticks, and undo/redo/stopCapturing
// on an undo manager per peer. The steps are chosen against a live yjs replay, so every op is
// valid; generate.mjs then records the scenario like the pinned ones.

/** A small seeded generator (mulberry32). */
export const rng = seed => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['a', 'bc', 'xyz', ' ', 'hello', '\n', 'é', '\uD83D\uDE00']
const ATTRS = [{ bold: true }, { bold: null }, { italic: true }, { color: 'red' }]

/** The shared types of a document, as paths: the roots, then types nested in the array and map. */
const typePaths = (Y, doc) => {
  const out = [['text'], ['array'], ['map']]
  doc.getArray('array').toArray().forEach((v, i) => {
    if (v instanceof Y.Map || v instanceof Y.Array) out.push(['array', i])
  })
  for (const k of [...doc.getMap('map').keys()].sort()) {
    const v = doc.getMap('map').get(k)
    if (v instanceof Y.Map || v instanceof Y.Array || v instanceof Y.Text) out.push(['map', k])
  }
  return out
}

const resolve = (doc, path) => {
  let t = path[0] === 'text' ? doc.getText('text') : path[0] === 'array' ? doc.getArray('array') : doc.getMap('map')
  for (const s of path.slice(1)) t = t.get(s)
  return t
}

const randomOp = (Y, doc, r) => {
  const pick = xs => xs[Math.floor(r() * xs.length)]
  const int = n => Math.floor(r() * n)
  const path = pick(typePaths(Y, doc))
  const t = resolve(doc, path)
  const scalar = () => pick([int(100), 'v' + int(100), true, null, { o: int(9) }])
  if (t instanceof Y.Text) {
    const len = t.length
    const c = r()
    if (len > 0 && c < 0.3) {
      const index = int(len)
      return { op: 'textDelete', at: path, index, length: 1 + int(Math.min(4, len - index)) }
    }
    if (len > 0 && c < 0.45) {
      const index = int(len)
      return { op: 'textFormat', at: path, index, length: 1 + int(Math.min(5, len - index)), attributes: pick(ATTRS) }
    }
    const op = { op: 'textInsert', at: path, index: int(len + 1), text: pick(WORDS) }
    if (r() < 0.2) op.attributes = pick(ATTRS)
    return op
  }
  if (t instanceof Y.Array) {
    const len = t.length
    if (len > 0 && r() < 0.35) {
      const index = int(len)
      return { op: 'arrayDelete', at: path, index, length: 1 + int(Math.min(3, len - index)) }
    }
    const nested = path.length === 1 && r() < 0.25
    const values = nested
      ? [pick([{ $type: 'map', entries: { n: int(9) } }, { $type: 'array', values: [int(9)] }])]
      : Array.from({ length: 1 + int(3) }, scalar)
    return { op: 'arrayInsert', at: path, index: int(len + 1), values }
  }
  const key = 'k' + int(4)
  if (t.has(key) && r() < 0.3) return { op: 'mapDelete', at: path, key }
  const nested = path.length === 1 && r() < 0.2
  return { op: 'mapSet', at: path, key, value: nested ? pick([{ $type: 'text', text: 'inner' }, { $type: 'array', values: [1] }]) : scalar() }
}

/** The frame of a random scenario: peers, roots and undo managers drawn from {@code seed}. */
export const randomScenario = (seed, length) => {
  const r = rng(seed)
  return {
    name: 'random-' + seed,
    peers: [{ name: 'a', clientId: 1 + (seed % 5), gc: r() < 0.5 }, { name: 'b', clientId: 20 + (seed % 3), gc: r() < 0.5 }],
    roots: { text: 'text', map: 'map', array: 'array' },
    managers: [
      { peer: 'a', scope: [['text'], ['array'], ['map']] },
      r() < 0.5 ? { peer: 'b', scope: 'doc' } : { peer: 'b', scope: [['text']], captureTimeout: 100 }
    ],
    random: { seed, length },
    steps: []
  }
}

/** Sequences a position can be placed in: the root text and array, nested arrays and texts. */
const sequencePaths = (Y, doc) => typePaths(Y, doc).filter(p => {
  const t = resolve(doc, p)
  return t instanceof Y.Text || t instanceof Y.Array
})

/**
 * The next step, chosen against the current documents: a one-op transaction, undo, redo,
 * stopCapturing, a clock tick, a sync, a relative position created or resolved, a snapshot taken
 * or rendered (on a peer without GC). {@code state} remembers the names given so far.
 */
export const randomStep = (Y, docs, r, gc, state) => {
  const pick = xs => xs[Math.floor(r() * xs.length)]
  const peer = r() < 0.6 ? 'a' : 'b'
  const c = r()
  if (c < 0.06) {
    const at = pick(sequencePaths(Y, docs[peer]))
    const index = Math.floor(r() * (resolve(docs[peer], at).length + 1))
    return { position: 'p' + state.positions++, peer, at, index, assoc: pick([0, -1, 1, -3]) }
  }
  if (c < 0.1 && state.positions > 0) return { resolve: peer }
  if (c < 0.14) {
    const name = 's' + state.snapshots.length
    state.snapshots.push({ name, peer })
    return { snapshot: name, peer }
  }
  if (c < 0.17 && !gc[peer]) {
    const mine = state.snapshots.filter(s => s.peer === peer)
    if (mine.length > 0) {
      const step = { render: peer, at: pick(mine).name, texts: [['text']] }
      if (r() < 0.5) step.prev = pick(mine).name
      return step
    }
  }
  if (c < 0.6) {
    return { peer, ops: [randomOp(Y, docs[peer], r)] }
  }
  if (c < 0.71) return { undo: r() < 0.7 ? 0 : 1 }
  if (c < 0.8) return { redo: r() < 0.7 ? 0 : 1 }
  if (c < 0.86) return { stopCapturing: r() < 0.5 ? 0 : 1 }
  if (c < 0.9) return { tick: Math.floor(r() * 800) }
  return { sync: ['a', 'b'] }
}
