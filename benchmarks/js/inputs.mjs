// The inputs of crdt-benchmarks B1 and B2 drawn from lib0's generator seeded with 42, in that
// suite's order (B2's initial text first, then B1.1-B1.11, then B2.1-B2.4); N = 6000. The Java side
// (dev.weft.benchmarks.SuiteInputs) draws the same inputs; fingerprint() proves it.
import * as prng from 'lib0/prng'

export const N = 6000
const MAX_NUMBER = 0x7fffffff

export const generate = () => {
  const gen = prng.create(42)
  const initText = prng.word(gen, 100, 100)
  const b1 = []
  const b2 = []
  let s = prng.word(gen, N, N)
  b1.push({ id: 'B1.1', title: 'Append N characters', inputs: s.split('').map((c, i) => [{ index: i, insert: c }]), expected: s })
  s = prng.word(gen, N, N)
  b1.push({ id: 'B1.2', title: 'Insert string of length N', inputs: [[{ index: 0, insert: s }]], expected: s })
  s = prng.word(gen, N, N)
  b1.push({ id: 'B1.3', title: 'Prepend N characters', inputs: s.split('').reverse().map(c => [{ index: 0, insert: c }]), expected: s })
  const randomText = (minLen, maxLen) => {
    let str = ''
    const inputs = []
    for (let i = 0; i < N; i++) {
      const index = prng.int32(gen, 0, str.length)
      const insert = prng.word(gen, minLen, maxLen)
      str = str.slice(0, index) + insert + str.slice(index)
      inputs.push([{ index, insert }])
    }
    return { inputs, expected: str }
  }
  b1.push({ id: 'B1.4', title: 'Insert N characters at random positions', ...randomText(1, 1) })
  b1.push({ id: 'B1.5', title: 'Insert N words at random positions', ...randomText(2, 10) })
  s = prng.word(gen, N, N)
  b1.push({ id: 'B1.6', title: 'Insert string, then delete it', inputs: [[{ index: 0, insert: s }, { index: 0, deleteCount: s.length }]], expected: '' })
  const insertOrDelete = (str, index) => {
    if (str.length === index || prng.bool(gen)) {
      const insert = prng.word(gen, 2, 10)
      return [str.slice(0, index) + insert + str.slice(index), { index, insert }]
    }
    const deleteCount = prng.uint32(gen, 1, Math.min(9, str.length - index))
    return [str.slice(0, index) + str.slice(index + deleteCount), { index, deleteCount }]
  }
  {
    let str = ''
    const inputs = []
    for (let i = 0; i < N; i++) {
      const [next, op] = insertOrDelete(str, prng.uint32(gen, 0, str.length))
      str = next
      inputs.push([op])
    }
    b1.push({ id: 'B1.7', title: 'Insert/Delete strings at random positions', inputs, expected: str })
  }
  const numbers = () => Array.from({ length: N }).map(() => prng.uint32(gen, 0, MAX_NUMBER))
  let ns = numbers()
  b1.push({ id: 'B1.8', title: 'Append N numbers', inputs: ns.map((n, i) => [{ index: i, values: [n] }]), expected: ns })
  ns = numbers()
  b1.push({ id: 'B1.9', title: 'Insert Array of N numbers', inputs: [[{ index: 0, values: ns }]], expected: ns })
  ns = numbers()
  b1.push({ id: 'B1.10', title: 'Prepend N numbers', inputs: ns.map(n => [{ index: 0, values: [n] }]), expected: ns.slice().reverse() })
  {
    const expected = []
    const inputs = []
    for (let i = 0; i < N; i++) {
      const index = prng.uint32(gen, 0, expected.length)
      const insert = prng.uint32(gen, 0, MAX_NUMBER)
      expected.splice(index, 0, insert)
      inputs.push([{ index, values: [insert] }])
    }
    b1.push({ id: 'B1.11', title: 'Insert N numbers at random positions', inputs, expected })
  }
  const s1 = prng.word(gen, N, N)
  const s2 = prng.word(gen, N, N)
  b2.push({ id: 'B2.1', title: 'Concurrently insert string of length N at index 0', first: [{ index: 0, insert: s1 }], second: [{ index: 0, insert: s2 }], expectedLength: N * 2 + 100 })
  const randomInserts = (minLen, maxLen) => {
    let str = initText
    const ops = []
    for (let i = 0; i < N; i++) {
      const index = prng.uint32(gen, 0, str.length)
      const insert = prng.word(gen, minLen, maxLen)
      str = str.slice(0, index) + insert + str.slice(index)
      ops.push({ index, insert })
    }
    return ops
  }
  let a = randomInserts(1, 1)
  b2.push({ id: 'B2.2', title: 'Concurrently insert N characters at random positions', first: a, second: randomInserts(1, 1), expectedLength: N * 2 + 100 })
  a = randomInserts(3, 9)
  b2.push({ id: 'B2.3', title: 'Concurrently insert N words at random positions', first: a, second: randomInserts(3, 9), expectedLength: -1 })
  const insertsAndDeletes = () => {
    let str = initText
    const ops = []
    for (let i = 0; i < N; i++) {
      const index = prng.uint32(gen, 0, str.length)
      const insert = prng.word(gen, 3, 9)
      str = str.slice(0, index) + insert + str.slice(index)
      ops.push({ index, insert })
      const [next, op] = insertOrDelete(str, index)
      str = next
      ops.push(op)
    }
    return ops
  }
  a = insertsAndDeletes()
  b2.push({ id: 'B2.4', title: 'Concurrently insert & delete', first: a, second: insertsAndDeletes(), expectedLength: -1 })
  return { initText, b1, b2 }
}

/** 32-bit FNV-1a over a canonical text of the inputs (the same text the Java side builds). */
export const fingerprint = ({ initText, b1, b2 }) => {
  let all = initText
  for (const w of b1) {
    all += '|'
    all += Array.isArray(w.expected) ? w.expected.map(x => x + ',').join('') : w.expected
  }
  for (const w of b2) {
    for (const ops of [w.first, w.second]) {
      all += '|'
      all += ops.map(op => op.insert !== undefined ? `${op.index}+${op.insert},` : `${op.index}-${op.deleteCount},`).join('')
    }
  }
  let h = 0x811c9dc5
  for (let i = 0; i < all.length; i++) {
    h = Math.imul(h ^ all.charCodeAt(i), 16777619)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}
