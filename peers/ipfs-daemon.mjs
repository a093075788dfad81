// A js-ipfs node (ipfs-core 0.18, the core of ipfs@0.66.1) serving the Kubo-compatible RPC API and a
// path gateway on loopback ports chosen by the OS, offline. Tests start it once per JVM:
//   node --require ./polyfill.cjs ipfs-daemon.mjs REPO_DIR
// It prints one JSON line {"api": "http://127.0.0.1:P", "gateway": "http://127.0.0.1:Q", "id": "..."}
// when ready and stops when its stdin closes (so it never outlives the test JVM).
import { create } from 'ipfs-core'
import { HttpApi } from 'ipfs-http-server'
import { HttpGateway } from 'ipfs-http-gateway'

const repo = process.argv[2]
const ipfs = await create({
  offline: true,
  silent: true,
  repo,
  config: {
    Addresses: { Swarm: [], API: '/ip4/127.0.0.1/tcp/0', Gateway: '/ip4/127.0.0.1/tcp/0' },
    Bootstrap: []
  }
})
const api = new HttpApi(ipfs)
await api.start()
const gateway = new HttpGateway(ipfs)
await gateway.start()
const url = (server) => `http://127.0.0.1:${server.info.port}`
const id = await ipfs.id()
process.stdout.write(JSON.stringify({ api: url(api._apiServers[0]), gateway: url(gateway._gatewayServers[0]), id: id.id.toString() }) + '\n')

let stopping = false
async function stop () {
  if (stopping) return
  stopping = true
  try {
    await gateway.stop()
    await api.stop()
    await ipfs.stop()
  } finally {
    process.exit(0)
  }
}
process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
