// A js-ipfs node (ipfs-core 0.18, the core of ipfs@0.66.1) serving the Kubo-compatible RPC API and a
// path gateway on loopback ports chosen by the OS, offline. Tests start it once per JVM:
//   node --require ./polyfill.cjs ipfs-daemon.mjs REPO_DIR [--swarm]
// With --swarm it is online on loopback only: a libp2p TCP listener on 127.0.0.1 that other nodes
// can swarm/connect to and exchange blocks with over bitswap; no bootstrap, mDNS, DHT, delegates or
// preload, so it never reaches beyond this machine.
// It prints one JSON line {"api": "http://127.0.0.1:P", "gateway": "http://127.0.0.1:Q", "id": "...",
// "swarm": [multiaddrs]} when ready and stops when its stdin closes (so it never outlives the test JVM).
import { create } from 'ipfs-core'
import { HttpApi } from 'ipfs-http-server'
import { HttpGateway } from 'ipfs-http-gateway'
import { tcp } from '@libp2p/tcp'
import { PeerRecord } from '@libp2p/peer-record'
import { multiaddr as multiaddr12 } from '@multiformats/multiaddr'
import { multiaddr as multiaddr11 } from './node_modules/@libp2p/peer-store/node_modules/@multiformats/multiaddr/dist/src/index.js'

const repo = process.argv[2]
const swarm = process.argv.includes('--swarm')
if (swarm) {
  // The lock file pairs ipfs-core's libp2p (multiaddr 11) with @libp2p/tcp 6.2 and @libp2p/peer-record 5
  // (multiaddr 12), which do not accept each other's address objects: the node could not listen or
  // dial over TCP, and identify failed, so bitswap never saw its peers. Each address crosses over as
  // the same text in the other version.
  const transport = tcp()({})
  const filter = Object.getPrototypeOf(transport).filter
  Object.getPrototypeOf(transport).filter = function (addrs) {
    return (Array.isArray(addrs) ? addrs : [addrs]).filter(a => filter.call(this, [multiaddr12(a.toString())]).length > 0)
  }
  const listener = Object.getPrototypeOf(transport.createListener({ upgrader: {} }))
  const getAddrs = listener.getAddrs
  listener.getAddrs = function () { return getAddrs.call(this).map(a => multiaddr11(a.toString())) }
  const fromProtobuf = PeerRecord.createFromProtobuf
  PeerRecord.createFromProtobuf = function (buf) {
    const record = fromProtobuf.call(this, buf)
    record.multiaddrs = record.multiaddrs.map(a => multiaddr11(a.toString()))
    return record
  }
}
const ipfs = await create(swarm
  ? {
      silent: true,
      repo,
      preload: { enabled: false },
      relay: { enabled: false },
      config: {
        Addresses: { Swarm: ['/ip4/127.0.0.1/tcp/0'], API: '/ip4/127.0.0.1/tcp/0', Gateway: '/ip4/127.0.0.1/tcp/0', Delegates: [] },
        Bootstrap: [],
        Discovery: { MDNS: { Enabled: false }, webRTCStar: { Enabled: false } },
        Routing: { Type: 'none' },
        Swarm: { DisableNatPortMap: true },
        Pubsub: { Enabled: false }
      }
    }
  : {
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
process.stdout.write(JSON.stringify({ api: url(api._apiServers[0]), gateway: url(gateway._gatewayServers[0]), id: id.id.toString(),
  swarm: id.addresses.map(a => a.toString()) }) + '\n')

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
