// The peers the benchmark compares Faultline with, over the same text in the same run:
// wink-nlp (tokens, part-of-speech tags and entities, English lite model) and compromise
// (places, people, organisations, numbers). Run as a child process so each peer's peak RSS is
// its own:  node --import tsx bench/peers.ts <wink|compromise> <file> <textColumn> <maxBytes>
// Only the NLP calls are timed (reading and parsing the file is not), which favours the peers.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import nlp from 'compromise';

export interface PeerResult {
  peer: string;
  docs: number;
  bytes: number;
  ms: number;
  /** tokens (wink) or extracted items (compromise), as a check that work was done */
  items: number;
}

/** Streams the text column of a .jsonl or .csv file, one document at a time. */
export async function* texts(file: string, column: string): AsyncGenerator<string> {
  if (/\.csv$/i.test(file)) {
    for await (const row of createReadStream(file).pipe(parse({ columns: true, relax_quotes: true, skip_records_with_error: true }))) {
      const t = (row as Record<string, string>)[column];
      if (t) yield t;
    }
    return;
  }
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const t = (JSON.parse(line) as Record<string, unknown>)[column];
    if (typeof t === 'string' && t) yield t;
  }
}

type Runner = (text: string) => number;

function winkRunner(): Runner {
  const w = winkNLP(model);
  const its = w.its;
  return (text) => {
    const doc = w.readDoc(text);
    const pos = doc.tokens().out(its.pos);
    doc.entities().out(its.detail);
    return pos.length;
  };
}

function compromiseRunner(): Runner {
  return (text) => {
    const doc = nlp(text);
    return doc.places().out('array').length + doc.people().out('array').length +
      doc.organizations().out('array').length + doc.numbers().out('array').length;
  };
}

export async function runPeer(peer: string, file: string, column: string, maxBytes: number): Promise<PeerResult> {
  const run = peer === 'wink' ? winkRunner() : peer === 'compromise' ? compromiseRunner() : null;
  if (!run) throw new Error(`unknown peer "${peer}": use wink or compromise`);
  const result: PeerResult = { peer, docs: 0, bytes: 0, ms: 0, items: 0 };
  for await (const text of texts(file, column)) {
    if (result.bytes >= maxBytes) break;
    const t0 = performance.now();
    result.items += run(text);
    result.ms += performance.now() - t0;
    result.docs++;
    result.bytes += Buffer.byteLength(text);
  }
  return result;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const [peer, file, column, max] = process.argv.slice(2);
  if (!peer || !file || !column) {
    process.stderr.write('usage: node --import tsx bench/peers.ts <wink|compromise> <file> <textColumn> [maxBytes]\n');
    process.exit(2);
  }
  const r = await runPeer(peer, file, column, max ? Number(max) : Infinity);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
