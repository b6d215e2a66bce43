#!/usr/bin/env node
// ONNX Runtime latency on the same inputs as `ovkit benchmark`:
//
//   node bench/ort_bench.js MODEL.onnx NITER THREADS NAME=FILE.npy ...
//
// Loads onnxruntime-node from $OVKIT_CACHE/ort (default ~/.cache/ovkit/ort), CPU provider,
// THREADS intra-op threads, 1 inter-op thread; 5 warm-up runs, then NITER timed runs of one
// inference each. Prints one JSON line: {"median_ms": .., "min_ms": .., "count": ..}.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const cache = process.env.OVKIT_CACHE || path.join(os.homedir(), '.cache', 'ovkit');
const ort = require(path.join(cache, 'ort', 'node_modules', 'onnxruntime-node'));

// .npy (C order, <f4 or <i8) -> ort.Tensor
function readNpy(file) {
  const buf = fs.readFileSync(file);
  const major = buf[6];
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = buf.toString('latin1', start, start + headerLen);
  const descr = /'descr':\s*'([^']*)'/.exec(header)[1];
  const dims = /'shape':\s*\(([^)]*)\)/.exec(header)[1].split(',').map((s) => s.trim()).filter((s) => s).map(Number);
  const body = buf.buffer.slice(buf.byteOffset + start + headerLen, buf.byteOffset + buf.length);
  if (descr === '<f4') return new ort.Tensor('float32', new Float32Array(body), dims);
  if (descr === '<i8') return new ort.Tensor('int64', new BigInt64Array(body), dims);
  throw new Error(`${file}: unsupported dtype ${descr}`);
}

async function main() {
  const [model, niter, threads, ...pairs] = process.argv.slice(2);
  const feeds = {};
  for (const p of pairs) {
    const [name, file] = p.split('=');
    feeds[name] = readNpy(file);
  }
  const session = await ort.InferenceSession.create(model, {
    executionProviders: ['cpu'], intraOpNumThreads: Number(threads), interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  for (let i = 0; i < 5; ++i) await session.run(feeds);
  const times = [];
  for (let i = 0; i < Number(niter); ++i) {
    const t = process.hrtime.bigint();
    await session.run(feeds);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ median_ms: times[times.length >> 1], min_ms: times[0], count: times.length }));
}
main().catch((e) => { console.error(`ort_bench.js: ${e.message}`); process.exit(1); });
