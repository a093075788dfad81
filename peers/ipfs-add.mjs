// Adds many trees with ONE offline js-ipfs node (ipfs-core 0.18, the core of ipfs@0.66.1) and prints
// the CIDs as JSON, so tests pay js-ipfs's start-up once.
//   node --require ./polyfill.cjs ipfs-add.mjs CASES.json
// CASES.json: {"cases": [{"id": "...", "cwd": "/abs/dir", "paths": ["name", ...],
//   "hidden": true, "options": {cidVersion, rawLeaves, chunker, trickle, wrapWithDirectory, hashAlg,
//   shardSplitThreshold, ...}}]}
// Output (stdout, one JSON document): {"results": [{"id", "entries": [{"path", "cid"}], "root"} | {"id", "error"}]}
import { create, globSource } from 'ipfs-core'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'frontier-jsipfs-'))
const ipfs = await create({
  offline: true,
  start: false,
  silent: true,
  repo,
  config: { Addresses: { Swarm: [], API: '', Gateway: '' }, Bootstrap: [] }
})

const results = []
for (const c of spec.cases) {
  try {
    const sources = []
    for (const p of c.paths) {
      const abs = path.join(c.cwd, p)
      const isDir = fs.lstatSync(abs).isDirectory()
      sources.push(globSource(c.cwd, isDir ? `${p}/**` : p, { hidden: Boolean(c.hidden), followSymlinks: false }))
    }
    async function * all () {
      for (const s of sources) {
        yield * s
      }
    }
    const entries = []
    for await (const r of ipfs.addAll(all(), { pin: false, ...c.options })) {
      entries.push({ path: r.path, cid: r.cid.toString() })
    }
    results.push({ id: c.id, entries, root: entries.length ? entries[entries.length - 1].cid : null })
  } catch (e) {
    results.push({ id: c.id, error: String(e && e.stack || e) })
  }
}
await ipfs.stop()
fs.rmSync(repo, { recursive: true, force: true })
process.stdout.write(JSON.stringify({ results }) + '\n')
