// Editor scenarios run by generate.mjs through yjs and by Weft's EditorVectorTest through Weft.
// Step kinds: see README.md next to this file.

const T = (index, text, attributes) => attributes === undefined
  ? { op: 'textInsert', at: ['text'], index, text }
  : { op: 'textInsert', at: ['text'], index, text, attributes }
const D = (index, length) => ({ op: 'textDelete', at: ['text'], index, length })
const F = (index, length, attributes) => ({ op: 'textFormat', at: ['text'], index, length, attributes })
const SET = (key, value, at = ['map']) => ({ op: 'mapSet', at, key, value })
const DEL = (key, at = ['map']) => ({ op: 'mapDelete', at, key })
const AI = (index, values, at = ['array']) => ({ op: 'arrayInsert', at, index, values })
const AD = (index, length, at = ['array']) => ({ op: 'arrayDelete', at, index, length })
const a = (...ops) => ({ peer: 'a', ops })
const b = (...ops) => ({ peer: 'b', ops })
const c = (...ops) => ({ peer: 'c', ops })
const TWO = [{ name: 'a', clientId: 1 }, { name: 'b', clientId: 2 }]
const ONE = [{ name: 'a', clientId: 1 }]
const ROOTS = { text: 'text', map: 'map', array: 'array', xml: 'xmlFragment' }

export const SCENARIOS = [
  {
    name: 'undo-text-capture',
    peers: ONE,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['text']] }],
    steps: [
      a(T(0, 'a')), a(T(1, 'b')), { tick: 100 }, a(T(2, 'c')),
      { undo: 0 }, { redo: 0 }, { undo: 0 }, { undo: 0 }, { redo: 0 },
      { tick: 1000 }, a(T(3, 'd')), { tick: 499 }, a(T(4, 'e')), { tick: 500 }, a(T(5, 'f')),
      { stopCapturing: 0 }, a(T(6, 'g')),
      { undo: 0 }, { undo: 0 }, { undo: 0 }, { redo: 0 }, { redo: 0 }, { redo: 0 }, { redo: 0 }
    ]
  },
  {
    name: 'undo-text-remote',
    peers: TWO,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['text']] }, { peer: 'b', scope: [['text']] }],
    steps: [
      a(T(0, 'hello')), { sync: ['a', 'b'] },
      b(T(5, ' world')), { tick: 600 }, a(T(0, '>> ')), { sync: ['a', 'b'] },
      { tick: 600 }, a(D(2, 8)), { sync: ['a', 'b'] },
      b(T(4, '[b]')), { sync: ['a', 'b'] },
      { undo: 0 }, { sync: ['a', 'b'] },
      { undo: 0 }, { undo: 1 }, { sync: ['a', 'b'] },
      { redo: 0 }, { redo: 1 }, { sync: ['a', 'b'] },
      { undo: 1 }, { undo: 1 }, { sync: ['a', 'b'] }
    ]
  },
  {
    name: 'undo-text-format',
    peers: TWO,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['text']] }],
    steps: [
      a(T(0, 'bold and plain')), { stopCapturing: 0 },
      a(F(0, 4, { bold: true })), { stopCapturing: 0 },
      a(F(2, 7, { italic: true, bold: null })), { stopCapturing: 0 },
      { sync: ['a', 'b'] }, b(T(3, 'X', { color: 'red' })), { sync: ['a', 'b'] },
      a(D(1, 6)), { stopCapturing: 0 },
      a({ op: 'textInsertEmbed', at: ['text'], index: 2, embed: { image: 'x.png' } }), { stopCapturing: 0 },
      { undo: 0 }, { undo: 0 }, { sync: ['a', 'b'] }, { undo: 0 }, { undo: 0 },
      { redo: 0 }, { redo: 0 }, { sync: ['a', 'b'] }, { undo: 0 }, { undo: 0 }, { undo: 0 }, { undo: 0 }, { undo: 0 }
    ]
  },
  {
    name: 'undo-map',
    peers: TWO,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['map']] }],
    steps: [
      a(SET('x', 1)), { stopCapturing: 0 }, a(SET('x', 2), SET('y', 'why')), { stopCapturing: 0 },
      a(SET('nested', { $type: 'map', entries: { k: 'v' } })), { stopCapturing: 0 },
      a(SET('k2', 'v2', ['map', 'nested'])), { stopCapturing: 0 },
      { undo: 0 }, { undo: 0 }, { redo: 0 }, { redo: 0 },
      a(DEL('nested')), { stopCapturing: 0 }, { undo: 0 }, { redo: 0 }, { undo: 0 },
      { sync: ['a', 'b'] }, b(SET('x', 'remote')), { sync: ['a', 'b'] },
      { undo: 0 }, { undo: 0 }, { sync: ['a', 'b'] }, { redo: 0 }, { redo: 0 }, { sync: ['a', 'b'] },
      b(DEL('y')), { sync: ['a', 'b'] }, { undo: 0 }, { undo: 0 }, { sync: ['a', 'b'] }
    ]
  },
  {
    name: 'undo-map-ignore-remote',
    peers: TWO,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['map']], ignoreRemoteMapChanges: true }],
    steps: [
      a(SET('x', 1)), { stopCapturing: 0 }, a(SET('x', 2)), { sync: ['a', 'b'] },
      b(SET('x', 'remote')), { sync: ['a', 'b'] }, { undo: 0 }, { undo: 0 }, { redo: 0 }, { sync: ['a', 'b'] }
    ]
  },
  {
    name: 'undo-array-nested',
    peers: TWO,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['array']] }],
    steps: [
      a(AI(0, [1, 2, 3])), { stopCapturing: 0 },
      a(AI(1, [{ $type: 'map', entries: { a: 1 } }, { $type: 'array', values: ['p', 'q'] }])), { stopCapturing: 0 },
      a(SET('b', 2, ['array', 1])), { stopCapturing: 0 },
      a(AI(1, ['r'], ['array', 2])), { stopCapturing: 0 },
      { sync: ['a', 'b'] }, b(AI(0, ['remote'], ['array', 2]), AI(5, ['end'])), { sync: ['a', 'b'] },
      a(AD(0, 4)), { stopCapturing: 0 },
      { undo: 0 }, { undo: 0 }, { sync: ['a', 'b'] }, { undo: 0 }, { undo: 0 },
      { redo: 0 }, { redo: 0 }, { redo: 0 }, { sync: ['a', 'b'] }, { redo: 0 }, { undo: 0 }, { sync: ['a', 'b'] }
    ]
  },
  {
    name: 'undo-delete-filter',
    peers: ONE,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['array']], deleteFilter: 'keepTypes' }],
    steps: [
      a(AI(0, [1, { $type: 'map', entries: { k: 1 } }, 'x', { $type: 'text', text: 'hi' }])),
      { undo: 0 }, { redo: 0 }
    ]
  },
  {
    name: 'undo-xml',
    peers: TWO,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['xml']] }],
    steps: [
      a({ op: 'xmlInsert', at: ['xml'], index: 0, nodes: [{ $type: 'xmlElement', nodeName: 'p', attributes: { class: 'x' }, children: [{ $type: 'xmlText', text: 'para' }] }] }),
      { stopCapturing: 0 },
      a({ op: 'xmlSetAttribute', at: ['xml', 0], name: 'class', value: 'y' }), { stopCapturing: 0 },
      a({ op: 'textInsert', at: ['xml', 0, 0], index: 4, text: '!' }), { stopCapturing: 0 },
      { sync: ['a', 'b'] }, b({ op: 'textInsert', at: ['xml', 0, 0], index: 0, text: 'b:' }), { sync: ['a', 'b'] },
      a({ op: 'xmlDelete', at: ['xml'], index: 0, length: 1 }), { stopCapturing: 0 },
      { undo: 0 }, { undo: 0 }, { undo: 0 }, { sync: ['a', 'b'] }, { redo: 0 }, { redo: 0 }, { undo: 0 },
      { undo: 0 }, { undo: 0 }, { sync: ['a', 'b'] }
    ]
  },
  {
    name: 'undo-origins-and-scope',
    peers: TWO,
    roots: ROOTS,
    managers: [
      { peer: 'a', scope: [['text']], trackedOrigins: [null, 'editor'] },
      { peer: 'a', scope: 'doc', captureTimeout: 0 }
    ],
    steps: [
      a(T(0, 'null-origin ')), { ...a(T(0, 'editor ')), origin: 'editor' },
      { ...a(T(0, 'other ')), origin: 'other' }, a(SET('k', 'v')), { tick: 10 }, a(AI(0, [1])),
      { undo: 0 }, { undo: 0 }, { undo: 1 }, { undo: 1 }, { undo: 1 }, { redo: 0 },
      { sync: ['a', 'b'] }, b(T(0, 'B ')), { sync: ['a', 'b'] }, { undo: 0 }, { undo: 1 },
      { clear: 0 }, { undo: 0 }, { redo: 0 }, a(T(0, 'after ')), { undo: 1 }, { undo: 1 }, { redo: 1 }
    ]
  },
  {
    name: 'undo-skips-empty-steps',
    peers: TWO,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['text'], ['map']] }],
    steps: [
      a(SET('x', 1)), { stopCapturing: 0 }, a(T(0, 'abc')), { stopCapturing: 0 },
      { sync: ['a', 'b'] }, b(D(0, 3)), { sync: ['a', 'b'] },
      { undo: 0 }, { undo: 0 }, { redo: 0 }, { redo: 0 }, { sync: ['a', 'b'] }
    ]
  },
  {
    name: 'undo-new-edit-clears-redo',
    peers: ONE,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['text']] }],
    steps: [
      a(T(0, 'one')), { stopCapturing: 0 }, a(T(3, ' two')), { undo: 0 }, a(T(3, ' three')),
      { redo: 0 }, { undo: 0 }, { undo: 0 }, { undo: 0 }, { redo: 0 }, { redo: 0 }, { redo: 0 }
    ]
  },
  {
    name: 'positions',
    peers: TWO,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['text']] }],
    steps: [
      a(T(0, 'hello world')), a(SET('inner', { $type: 'text', text: 'nested' }), AI(0, [1, 2, 3])),
      { position: 'p0-start', peer: 'a', at: ['text'], index: 0 },
      { position: 'p1-start-left', peer: 'a', at: ['text'], index: 0, assoc: -1 },
      { position: 'p2-mid', peer: 'a', at: ['text'], index: 6 },
      { position: 'p3-mid-left', peer: 'a', at: ['text'], index: 6, assoc: -1 },
      { position: 'p4-end', peer: 'a', at: ['text'], index: 11 },
      { position: 'p5-end-left', peer: 'a', at: ['text'], index: 11, assoc: -1 },
      { position: 'p6-nested', peer: 'a', at: ['map', 'inner'], index: 3, assoc: -5 },
      { position: 'p7-nested-end', peer: 'a', at: ['map', 'inner'], index: 6 },
      { position: 'p8-array', peer: 'a', at: ['array'], index: 2 },
      { position: 'p9-empty-root', peer: 'a', at: ['xml'], index: 0 },
      { resolve: 'a' }, { sync: ['a', 'b'] }, { resolve: 'b' },
      b(T(6, 'big ')), a(T(0, '> ')), { sync: ['a', 'b'] }, { resolve: 'a' }, { resolve: 'b' },
      { stopCapturing: 0 }, a(D(4, 9)), b({ op: 'textInsert', at: ['map', 'inner'], index: 0, text: '__' }),
      { sync: ['a', 'b'] }, { resolve: 'a' }, { resolve: 'b' },
      { undo: 0 }, { resolve: 'a' }, { sync: ['a', 'b'] }, { resolve: 'b' },
      b(SET('inner', 'gone'), AD(0, 3)), { sync: ['a', 'b'] }, { resolve: 'a' },
      { decodePosition: '000102' }, { decodePosition: '0104726f6f74' }, { decodePosition: '0203047f' },
      { decodePosition: '00ffffffff0f0541' }
    ]
  },
  {
    name: 'snapshots',
    peers: [{ name: 'a', clientId: 1, gc: false }, { name: 'b', clientId: 2, gc: false }],
    roots: ROOTS,
    steps: [
      { snapshot: 'v0', peer: 'a' },
      a(T(0, 'The quick fox'), SET('title', 'draft'), AI(0, ['x', 'y'])),
      { snapshot: 'v1', peer: 'a' },
      { sync: ['a', 'b'] }, b(T(10, 'brown '), F(0, 3, { bold: true })), a(D(4, 6), SET('title', 'final'), AI(2, ['z'])),
      { sync: ['a', 'b'] }, { snapshot: 'v2', peer: 'a' }, { snapshot: 'v2b', peer: 'b' },
      a(D(0, 4), DEL('title'), AD(0, 1), T(0, 'A ')), { snapshot: 'v3', peer: 'a' },
      { render: 'a', at: 'v0', texts: [['text']] },
      { render: 'a', at: 'v1', texts: [['text']] },
      { render: 'a', at: 'v2', texts: [['text']] },
      { render: 'a', at: 'v2', prev: 'v1', texts: [['text']] },
      { render: 'a', at: 'v3', prev: 'v2', texts: [['text']] },
      { render: 'a', at: 'v3', prev: 'v1', texts: [['text']] },
      { render: 'b', at: 'v1', texts: [['text']] },
      { restore: 'a', at: 'v2' }, { snapshot: 'v4', peer: 'a' },
      { sync: ['a', 'b'] }, { restore: 'b', at: 'v1' }, { sync: ['a', 'b'] },
      { render: 'a', at: 'v4', prev: 'v3', texts: [['text']] }
    ]
  },
  {
    name: 'snapshots-nested',
    peers: [{ name: 'a', clientId: 1, gc: false }, { name: 'b', clientId: 2, gc: false }],
    roots: ROOTS,
    steps: [
      a(AI(0, [{ $type: 'map', entries: { k: 1 } }, 'x', { $type: 'array', values: [1, 2] }]),
        SET('t', { $type: 'text', text: 'inner' })),
      { snapshot: 's1', peer: 'a' },
      a(SET('k', 2, ['array', 0]), AI(2, [3], ['array', 2]),
        { op: 'textInsert', at: ['map', 't'], index: 5, text: '!', attributes: { em: true } },
        { op: 'textInsertEmbed', at: ['text'], index: 0, embed: { img: 1 } }, T(1, 'tail')),
      { snapshot: 's2', peer: 'a' },
      { render: 'a', at: 's1', texts: [['map', 't'], ['text']] },
      { render: 'a', at: 's2', prev: 's1', texts: [['map', 't'], ['text']] },
      a(AI(3, [4], ['array', 2]), AD(0, 1)), { sync: ['a', 'b'] }, b(DEL('t'), AI(2, ['b'])), { sync: ['a', 'b'] },
      { snapshot: 's3', peer: 'a' },
      { render: 'a', at: 's1' }, { render: 'a', at: 's2' }, { render: 'a', at: 's3' }, { render: 'b', at: 's2' },
      { restore: 'a', at: 's2' }, { sync: ['a', 'b'] }, { snapshot: 's4', peer: 'b' }, { render: 'b', at: 's4' }
    ]
  },
  {
    name: 'undo-nested-remote-child',
    peers: TWO,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['text'], ['array'], ['map']] }],
    steps: [
      a(AI(0, [{ $type: 'array', values: [3] }])), { stopCapturing: 0 }, { sync: ['a', 'b'] },
      b(AI(0, [0, 's1'], ['array', 0])), { sync: ['a', 'b'] },
      a(AD(0, 1, ['array', 0])), { stopCapturing: 0 }, { sync: ['a', 'b'] },
      { undo: 0 }, { undo: 0 }, { redo: 0 }, { redo: 0 }, { sync: ['a', 'b'] }
    ]
  },
  {
    // runs of one client's deleted map values and array items merge; a snapshot that cuts a run
    // must read it only up to the cut
    name: 'snapshots-cut-runs',
    peers: [{ name: 'a', clientId: 1, gc: false }],
    roots: ROOTS,
    steps: [
      a(SET('k', 'first')), { snapshot: 's1', peer: 'a' }, a(SET('k', 'second')), a(SET('k', 'third')),
      a(AI(0, [1, 2]), T(0, 'ab')), { snapshot: 's2', peer: 'a' }, a(AI(2, [3]), T(2, 'cd')), a(DEL('k')),
      { render: 'a', at: 's1', texts: [['text']] }, { render: 'a', at: 's2', prev: 's1', texts: [['text']] }
    ]
  },
  {
    name: 'undo-xml-text-format',
    peers: TWO,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['xml']] }],
    steps: [
      a({ op: 'xmlInsert', at: ['xml'], index: 0, nodes: [{ $type: 'xmlElement', nodeName: 'p', children: [{ $type: 'xmlText', text: 'content' }] }] }),
      { stopCapturing: 0 },
      a({ op: 'textFormat', at: ['xml', 0, 0], index: 3, length: 4, attributes: { bold: {} } }), { stopCapturing: 0 },
      { undo: 0 }, { redo: 0 }, { sync: ['a', 'b'] },
      b({ op: 'textInsert', at: ['xml', 0, 0], index: 7, text: '!', attributes: { italic: true } }), { sync: ['a', 'b'] },
      a({ op: 'xmlDelete', at: ['xml'], index: 0, length: 1 }), { stopCapturing: 0 },
      { undo: 0 }, { sync: ['a', 'b'] }, { undo: 0 }, { undo: 0 }, { redo: 0 }, { redo: 0 }, { redo: 0 }, { sync: ['a', 'b'] }
    ]
  },
  {
    name: 'undo-array-map-remote-keys',
    peers: [{ name: 'a', clientId: 10 }, { name: 'b', clientId: 3 }, { name: 'c', clientId: 7 }],
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['array']] }, { peer: 'c', scope: [['array']] }],
    steps: [
      a(AI(0, [1, 2, 3])), b(AI(0, [4, 5, 6])), { sync: ['a', 'b', 'c'] },
      { undo: 0 }, { redo: 0 }, { sync: ['a', 'b', 'c'] }, b(AD(0, 1)), { sync: ['a', 'b', 'c'] },
      { undo: 0 }, { redo: 0 }, a(AD(0, 5)), { tick: 1000 },
      a(AI(0, [{ $type: 'map' }])), { stopCapturing: 0 }, a(SET('a', 1, ['array', 0])),
      { undo: 0 }, { undo: 0 }, { redo: 0 }, { redo: 0 }, { sync: ['a', 'b', 'c'] },
      b(SET('b', 2, ['array', 0])), c(SET('c', 3, ['array', 0])), { sync: ['a', 'c'] },
      { undo: 0 }, { undo: 1 }, { sync: ['a', 'b', 'c'] }, { undo: 0 }, { redo: 0 }, { redo: 1 }, { redo: 0 },
      { sync: ['a', 'b', 'c'] }
    ]
  },
  {
    // redoing an edit inside a nested type that undo deleted and redo re-created: yjs deletes
    // the re-created content of an earlier step as well
    name: 'undo-nested-recreated',
    peers: ONE,
    roots: ROOTS,
    managers: [{ peer: 'a', scope: [['text'], ['array'], ['map']] }],
    steps: [
      a(AI(0, [{ $type: 'array', values: [3] }])), { stopCapturing: 0 },
      a(AI(1, [0], ['array', 0])), { stopCapturing: 0 },
      a(AD(0, 1, ['array', 0])), { stopCapturing: 0 },
      { undo: 0 }, { undo: 0 }, { undo: 0 }, { redo: 0 }, { redo: 0 }, { redo: 0 }
    ]
  }
]
