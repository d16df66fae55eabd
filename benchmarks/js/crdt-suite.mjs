// crdt-benchmarks B1-B4 on the real yjs, each workload run as that suite's templates run it
// (dmonad/crdt-benchmarks js-lib/b1.js..b4.js) against a document that speaks update format v2 and
// always has an update listener; parse time excludes the garbage collections around the heap reading.
import * as Y from 'yjs'
import { performance } from 'node:perf_hooks'
import { N } from './inputs.mjs'

const CLIENTS = Math.floor(Math.sqrt(N)) * 20

class Crdt {
  constructor (onUpdate) {
    this.doc = new Y.Doc()
    this.doc.on('updateV2', update => onUpdate(update))
    this.text = this.doc.getText('text')
    this.array = this.doc.getArray('array')
    this.map = this.doc.getMap('map')
  }

  static load (state) {
    const c = new Crdt(() => {})
    c.applyUpdate(state)
    return c
  }

  encodedState () { return Y.encodeStateAsUpdateV2(this.doc) }
  applyUpdate (u) { Y.applyUpdateV2(this.doc, u) }
  apply (op) {
    if (op.values !== undefined) this.array.insert(op.index, op.values)
    else if (op.insert !== undefined) this.text.insert(op.index, op.insert)
    else this.text.delete(op.index, op.deleteCount)
  }

  transact (f) { this.doc.transact(f) }
}

const check = (ok, id) => { if (!ok) throw new Error(`${id}: the documents do not hold the expected content`) }
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)
const gc = () => { if (global.gc) { global.gc(); global.gc() } return process.memoryUsage().heapUsed }
const round = ms => Math.round(ms * 1000) / 1000

const parse = (id, title, timeMs, updateBytes, encodeMs, state, checkLoaded) => {
  const before = gc()
  const start = performance.now()
  const loaded = Crdt.load(state)
  checkLoaded(loaded)
  const parseMs = performance.now() - start
  const memBytes = gc() - before
  loaded.doc.clientID // keeps the document reachable until here
  return { id, title, timeMs: round(timeMs), updateBytes, encodeMs: round(encodeMs), docBytes: state.length, parseMs: round(parseMs), memBytes }
}

export const b1 = w => {
  const updates = []
  const doc2 = new Crdt(() => {})
  const doc1 = new Crdt(u => updates.push(u))
  const checkPair = (a, b) => {
    if (typeof w.expected === 'string') check(a.text.toString() === b.text.toString() && a.text.toString() === w.expected, w.id)
    else check(same(a.array.toArray(), b.array.toArray()) && same(a.array.toArray(), w.expected), w.id)
  }
  let start = performance.now()
  for (const input of w.inputs) for (const op of input) doc1.apply(op)
  for (const u of updates) doc2.applyUpdate(u)
  checkPair(doc1, doc2)
  const time = performance.now() - start
  const updateBytes = Math.round(updates.reduce((a, u) => a + u.length, 0) / w.inputs.length)
  start = performance.now()
  const state = doc1.encodedState()
  const encode = performance.now() - start
  return parse(w.id, w.title, time, updateBytes, encode, state, loaded => checkPair(doc2, loaded))
}

export const b2 = (w, initText) => {
  let updateBytes = 0
  let busy = false
  const docs = []
  for (let i = 0; i < 2; i++) {
    const other = 1 - i
    docs.push(new Crdt(u => {
      if (!busy) {
        busy = true
        updateBytes += u.length
        docs[other].applyUpdate(u)
        busy = false
      }
    }))
  }
  const checkPair = (a, b) => {
    const t = a.text.toString()
    check(t === b.text.toString() && (w.expectedLength < 0 || t.length === w.expectedLength), w.id)
  }
  docs[0].text.insert(0, initText)
  let start = performance.now()
  docs[0].transact(() => w.first.forEach(op => docs[0].apply(op)))
  docs[1].transact(() => w.second.forEach(op => docs[1].apply(op)))
  checkPair(docs[0], docs[1])
  const time = performance.now() - start
  start = performance.now()
  const state = docs[0].encodedState()
  const encode = performance.now() - start
  return parse(w.id, w.title, time, Math.round(updateBytes / 2), encode, state, loaded => checkPair(loaded, docs[1]))
}

const mapOf = c => c.map.toJSON()
export const B3 = [
  { id: 'B3.1', title: '20√N clients concurrently set number in Map', change: (d, i) => d.map.set('v', i), same: (a, b) => same(mapOf(a), mapOf(b)) },
  { id: 'B3.2', title: '20√N clients concurrently set Object in Map', change: (d, i) => d.map.set('v', { name: i.toString(), address: 'here' }), same: (a, b) => same(mapOf(a), mapOf(b)) },
  { id: 'B3.3', title: '20√N clients concurrently set String in Map', change: (d, i) => d.map.set('v', i.toString().repeat(CLIENTS)), same: (a, b) => same(mapOf(a), mapOf(b)) },
  { id: 'B3.4', title: '20√N clients concurrently insert text in Array', change: (d, i) => d.array.insert(0, [i.toString()]), same: (a, b) => same(a.array.toArray(), b.array.toArray()) },
  { id: 'B3.5', title: '20√N clients concurrently insert text', change: (d, i) => d.text.insert(0, i.toString()), same: (a, b) => a.text.toString() === b.text.toString() }
]

export const b3 = w => {
  const updates = []
  for (let i = 0; i < CLIENTS; i++) w.change(new Crdt(u => updates.push(u)), i)
  check(updates.length >= CLIENTS, w.id)
  const doc0 = new Crdt(() => {})
  const doc1 = new Crdt(() => {})
  doc0.transact(() => updates.forEach(u => doc0.applyUpdate(u)))
  let start = performance.now()
  doc1.transact(() => updates.forEach(u => doc1.applyUpdate(u)))
  check(w.same(doc0, doc1), w.id)
  const time = performance.now() - start
  const updateBytes = updates.reduce((a, u) => a + u.length, 0)
  start = performance.now()
  const state = doc0.encodedState()
  const encode = performance.now() - start
  return parse(w.id, w.title, time, updateBytes, encode, state, loaded => check(w.same(loaded, doc0), w.id))
}

export const b4 = (edits, endContent) => {
  let state
  let time
  let encode
  {
    const doc = new Crdt(() => {})
    let start = performance.now()
    for (const [pos, del, ins] of edits) {
      if (del > 0) doc.text.delete(pos, del)
      if (ins) doc.text.insert(pos, ins)
    }
    check(doc.text.toString() === endContent, 'B4')
    time = performance.now() - start
    start = performance.now()
    state = doc.encodedState()
    encode = performance.now() - start
  }
  return parse('B4', 'Apply real-world editing dataset', time, 0, encode, state, loaded => check(loaded.text.toString() === endContent, 'B4'))
}
