// Groups near-duplicate documents (MinHash similarity at or above MIN_SIMILARITY) and names each
// group's original: the earliest published, then the first stored. Dossiers count a group once
// and show the original as the source. Candidates come from LSH bands, found by sorting each
// band's hashes rather than keeping a hash table of every band: a million documents cost 128 MB
// of signatures plus one 8 MB array at a time, and never a comparison of all pairs.
import { BANDS, MIN_SIMILARITY, PERMUTATIONS } from './minhash.js';

export interface SignedDocument {
  documentId: string;
  signature: string | null;
  published: string | null;
  /** insertion order, for ties */
  order: number;
}

const ROWS = PERMUTATIONS / BANDS;

export class DuplicateFinder {
  private readonly docs: Omit<SignedDocument, 'signature'>[] = [];
  /** index into `signed` for each document, -1 when it has no signature */
  private readonly slot: number[] = [];
  private signed = new Uint16Array(PERMUTATIONS * 1024);
  private count = 0;

  add(doc: SignedDocument): void {
    this.docs.push({ documentId: doc.documentId, published: doc.published, order: doc.order });
    if (!doc.signature || doc.signature.length !== PERMUTATIONS * 4) {
      this.slot.push(-1);
      return;
    }
    if ((this.count + 1) * PERMUTATIONS > this.signed.length) {
      const grown = new Uint16Array(this.signed.length * 2);
      grown.set(this.signed);
      this.signed = grown;
    }
    for (let k = 0; k < PERMUTATIONS; k++) this.signed[this.count * PERMUTATIONS + k] = parseInt(doc.signature.slice(k * 4, k * 4 + 4), 16);
    this.slot.push(this.count++);
  }

  get size(): number {
    return this.docs.length;
  }

  /** The id of the i-th added document. */
  documentIdAt(i: number): string {
    return this.docs[i]!.documentId;
  }

  /** The i-th added document's id and signature (hex, as stored), without keeping the strings. */
  signatureAt(i: number): { documentId: string; signature: string | null } {
    const slot = this.slot[i]!;
    if (slot < 0) return { documentId: this.docs[i]!.documentId, signature: null };
    let hex = '';
    for (let k = 0; k < PERMUTATIONS; k++) hex += this.signed[slot * PERMUTATIONS + k]!.toString(16).padStart(4, '0');
    return { documentId: this.docs[i]!.documentId, signature: hex };
  }

  private similarity(a: number, b: number): number {
    let same = 0;
    for (let k = 0; k < PERMUTATIONS; k++) if (this.signed[a * PERMUTATIONS + k] === this.signed[b * PERMUTATIONS + k]) same++;
    return same / PERMUTATIONS;
  }

  /** documentId -> original's documentId, for every document that is a reprint. */
  duplicates(): Map<string, string> {
    const n = this.count;
    const parent = Int32Array.from({ length: n }, (_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) {
        parent[i] = parent[parent[i]!]!;
        i = parent[i]!;
      }
      return i;
    };
    const keys = new Float64Array(n);
    const order = new Int32Array(n);
    for (let band = 0; band < BANDS; band++) {
      for (let i = 0; i < n; i++) {
        // 64 bits do not fit a double exactly: equal bands stay equal, a few unequal ones may
        // share a key and are then only compared, never joined, unless truly similar
        let h = 0;
        for (let r = 0; r < ROWS; r++) h = h * 65536 + this.signed[i * PERMUTATIONS + band * ROWS + r]!;
        keys[i] = h;
        order[i] = i;
      }
      order.sort((a, b) => keys[a]! - keys[b]! || a - b);
      for (let s = 0; s < n; ) {
        let e = s + 1;
        while (e < n && keys[order[e]!] === keys[order[s]!]) e++;
        // within a bucket every pair is a candidate; pairs already joined cost one find each
        for (let x = s + 1; x < e; x++) {
          for (let y = s; y < x; y++) {
            const a = order[y]!;
            const b = order[x]!;
            if (find(a) !== find(b) && this.similarity(a, b) >= MIN_SIMILARITY) parent[find(b)] = find(a);
          }
        }
        s = e;
      }
    }
    // only groups of two or more are kept: a map entry per document would be a million of them
    const size = new Int32Array(n);
    for (let i = 0; i < n; i++) size[find(i)]!++;
    const groups = new Map<number, Omit<SignedDocument, 'signature'>[]>();
    this.docs.forEach((d, i) => {
      const slot = this.slot[i]!;
      if (slot < 0) return;
      const root = find(slot);
      if (size[root]! < 2) return;
      const g = groups.get(root);
      if (g) g.push(d);
      else groups.set(root, [d]);
    });
    const out = new Map<string, string>();
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      const original = [...g].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.order - b.order)[0]!;
      for (const d of g) if (d !== original) out.set(d.documentId, original.documentId);
    }
    return out;
  }
}
