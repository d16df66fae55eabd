// Editing-trace workloads on the real yjs and on diamond-types-node, mirroring
// dev.weft.benchmarks.TraceWorkloads: local replay (one transaction per patch, update listener
// on), encode (v1 and v2), load (the v1 state into a fresh document), remote apply (per-patch
// updates written by 64 clients in turn, applied one by one to a fresh document), a plain-string
// baseline, and the concurrent traces replayed with one replica per agent.
import * as Y from 'yjs'
import dt from 'diamond-types-node'
import { performance } from 'node:perf_hooks'

const REMOTE_CLIENTS = 64
const round = ms => Math.round(ms * 1000) / 1000
const patchesOf = trace => trace.txns.flatMap(t => t.patches)
const applyPatch = (ytext, [pos, del, ins]) => {
  if (del > 0) ytext.delete(pos, del)
  if (ins) ytext.insert(pos, ins)
}

// Encoding and loading take a few milliseconds, too short for one timing to say much: each round
// times each of them this many times and reports the median (and the first), as the Weft half does.
const SHORT_REPEATS = 9
const repeated = (m, key, work) => {
  const ms = []
  let result
  for (let i = 0; i < SHORT_REPEATS; i++) {
    const start = performance.now()
    result = work()
    ms.push(performance.now() - start)
  }
  m[key.replace('Ms', 'FirstMs')] = round(ms[0])
  ms.sort((a, b) => a - b)
  m[key] = round(ms[Math.floor(ms.length / 2)])
  return result
}

export const yjsManyClientUpdates = trace => {
  const doc = new Y.Doc()
  const text = doc.getText('text')
  const updates = []
  doc.on('update', u => updates.push(u))
  let i = 0
  for (const p of patchesOf(trace)) {
    doc.clientID = 1 + i++ % REMOTE_CLIENTS
    doc.transact(() => applyPatch(text, p))
  }
  return updates
}

export const yjsSequential = (trace, remote) => {
  const m = { trace: trace.name, patches: patchesOf(trace).length }
  const doc = new Y.Doc()
  doc.clientID = 1
  const text = doc.getText('text')
  let updates = 0
  let updateBytes = 0
  doc.on('update', u => { updates++; updateBytes += u.length })
  let start = performance.now()
  for (const txn of trace.txns) {
    for (const p of txn.patches) doc.transact(() => applyPatch(text, p))
  }
  m.replayMs = round(performance.now() - start)
  m.updates = updates
  m.updateBytes = updateBytes
  const v1 = repeated(m, 'encodeMs', () => Y.encodeStateAsUpdate(doc))
  const v2 = repeated(m, 'encodeV2Ms', () => Y.encodeStateAsUpdateV2(doc))
  m.v1Bytes = v1.length
  m.v2Bytes = v2.length
  const loaded = repeated(m, 'loadMs', () => {
    const d = new Y.Doc()
    Y.applyUpdate(d, v1)
    return d
  })
  const s = loaded.getText('text').toString()
  m.finalLength = s.length
  m.matchesEndContent = s === trace.endContent && text.toString() === trace.endContent
  start = performance.now()
  const applied = new Y.Doc()
  for (const u of remote) Y.applyUpdate(applied, u)
  const remoteMs = performance.now() - start
  m.remoteUpdates = remote.length
  m.remoteApplyMs = round(remoteMs)
  m.remoteUpdatesPerSec = Math.round(remote.length / (remoteMs / 1000))
  m.remoteMatches = applied.getText('text').toString() === trace.endContent
  start = performance.now()
  let str = ''
  for (const [pos, del, ins] of patchesOf(trace)) str = str.slice(0, pos) + ins + str.slice(pos + del)
  m.stringMs = round(performance.now() - start)
  m.stringMatches = str === trace.endContent
  return m
}

export const dtSequential = trace => {
  const m = { trace: trace.name, patches: patchesOf(trace).length }
  const doc = new dt.Doc('a')
  let start = performance.now()
  for (const txn of trace.txns) {
    for (const [pos, del, ins] of txn.patches) {
      if (del > 0) doc.del(pos, del)
      if (ins) doc.ins(pos, ins)
    }
  }
  m.replayMs = round(performance.now() - start)
  const bytes = repeated(m, 'encodeMs', () => doc.toBytes())
  m.v1Bytes = bytes.length
  const loads = [] // wasm memory is not collected: each is freed below, outside the timing
  const loaded = repeated(m, 'loadMs', () => {
    const d = dt.Doc.fromBytes(bytes, 'b')
    loads.push(d)
    return d
  })
  const s = loaded.get()
  m.finalLength = s.length
  m.matchesEndContent = s === trace.endContent && doc.get() === trace.endContent
  doc.free()
  for (const d of loads) d.free()
  return m
}

/** One Yjs replica per agent; before a transaction its author catches up on its ancestors' updates. */
export const yjsConcurrent = trace => {
  const start = performance.now()
  const replicas = []
  const known = []
  for (let a = 0; a < trace.numAgents; a++) {
    const d = new Y.Doc()
    d.clientID = a + 1
    replicas.push(d)
    known.push(new Set())
  }
  const updates = new Array(trace.txns.length)
  trace.txns.forEach((txn, i) => {
    const doc = replicas[txn.agent]
    const seen = known[txn.agent]
    const missing = new Set()
    const todo = [...(txn.parents || [])]
    while (todo.length > 0) {
      const t = todo.pop()
      if (seen.has(t) || missing.has(t)) continue
      missing.add(t)
      todo.push(...(trace.txns[t].parents || []))
    }
    if (missing.size > 0) {
      const batch = [...missing].sort((a, b) => a - b).map(t => { seen.add(t); return updates[t] })
      Y.applyUpdate(doc, batch.length === 1 ? batch[0] : Y.mergeUpdates(batch))
    }
    let emitted = new Uint8Array([0, 0])
    const listener = u => { emitted = u }
    doc.on('update', listener)
    const text = doc.getText('text')
    doc.transact(() => txn.patches.forEach(p => applyPatch(text, p)))
    doc.off('update', listener)
    updates[i] = emitted
    seen.add(i)
  })
  for (const a of replicas) {
    for (const b of replicas) {
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    }
  }
  const mergeMs = performance.now() - start
  const texts = replicas.map(d => d.getText('text').toString())
  return { trace: trace.name, mergeMs: round(mergeMs), agents: trace.numAgents, finalLength: texts[0].length, matchesEndContent: texts.every(t => t === trace.endContent) }
}

/** diamond-types: every operation added to one OpLog at its author's version, then checked out. */
export const dtConcurrent = trace => {
  const start = performance.now()
  const oplog = new dt.OpLog()
  const versions = new Array(trace.txns.length)
  trace.txns.forEach((txn, i) => {
    oplog.setAgent('agent' + txn.agent)
    let version = (txn.parents || []).flatMap(p => versions[p])
    for (const [pos, del, ins] of txn.patches) {
      const parents = Uint32Array.from(version)
      if (del > 0) version = [oplog.del(pos, del, parents)]
      if (ins) version = [oplog.ins(pos, ins, del > 0 ? Uint32Array.from(version) : parents)]
    }
    versions[i] = version
  })
  const branch = oplog.checkout()
  const s = branch.get()
  const mergeMs = performance.now() - start
  branch.free()
  oplog.free()
  return { trace: trace.name, mergeMs: round(mergeMs), agents: trace.numAgents, finalLength: s.length, matchesEndContent: s === trace.endContent }
}

/** The heap a Yjs document loaded from the trace's v1 state holds (needs node --expose-gc). */
export const yjsHeap = trace => {
  const doc = new Y.Doc()
  const text = doc.getText('text')
  for (const p of patchesOf(trace)) doc.transact(() => applyPatch(text, p))
  const v1 = Y.encodeStateAsUpdate(doc)
  const gc = () => { global.gc(); global.gc(); return process.memoryUsage().heapUsed }
  const before = gc()
  const loaded = new Y.Doc()
  Y.applyUpdate(loaded, v1)
  const after = gc()
  return { trace: trace.name, usedHeapDeltaBytes: after - before, matchesEndContent: loaded.getText('text').toString() === trace.endContent }
}
