// Dry run of the clustering pass over the first N documents of a (possibly still growing)
// database, writing nothing: how long the pass takes and how much memory it holds at a given
// corpus density, without waiting for or disturbing a long analysis run.
//   node --import tsx bench/cluster-probe.ts <db> [--docs N]
import { parseArgs } from 'node:util';
import { clusterStore } from '../src/cluster/run.js';
import { openStore, type Store } from '../src/store/index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { docs: { type: 'string' } } });
const location = positionals[0];
if (!location) {
  console.error('usage: node --import tsx bench/cluster-probe.ts <db> [--docs N]');
  process.exit(2);
}
const limit = values.docs ? Number(values.docs) : Infinity;
const store = await openStore(location, { readonly: true });
const noop = async (): Promise<void> => {};
const dry: Store = new Proxy(store, {
  get(target, prop, receiver) {
    if (prop === 'setClusterIds' || prop === 'addClusters' || prop === 'clearClusters' || prop === 'putSignatures') return noop;
    if (prop === 'iterateDocuments') {
      return async function* () {
        let n = 0;
        for await (const d of target.iterateDocuments()) {
          if (n++ >= limit) return;
          yield d;
        }
      };
    }
    const v: unknown = Reflect.get(target, prop, receiver);
    return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
  },
});
let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 500);
const t0 = performance.now();
const summary = await clusterStore(dry, {
  onProgress: (n) => { if (n % 50_000 === 0) console.error(`probe: ${n} documents read, ${((performance.now() - t0) / 1000).toFixed(0)} s, RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`); },
  onSweep: (done, total, held) => { if (done % 500_000 === 0) console.error(`probe: ${done}/${total} mentions, ${held} clusters held, ${((performance.now() - t0) / 1000).toFixed(0)} s, RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`); },
});
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ ...summary, peakRssMb: Math.round(peak / 2 ** 20) }));
await store.close();
