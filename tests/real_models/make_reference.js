#!/usr/bin/env node
// Reference outputs of the real-model tests, computed with ONNX Runtime 1.30.0 (CPU) from the
// inputs that make_inputs.py prepares (see README.md in this folder):
//
//   node make_reference.js INPUT_DIR
//
// Models come from $OVKIT_CACHE/models, onnxruntime-node from $OVKIT_CACHE/ort (both put there
// by scripts/fetch_models.sh; OVKIT_CACHE defaults to ~/.cache/ovkit). Writes reference/<case>.txt:
//
//   # comment lines
//   output <k> <name> shape <d0,d1,...> values <n>
//   <flat index> <value>          (n lines, float32 values with 9 significant digits)
//
// Small outputs are stored whole; large ones as 1024 pseudo-random elements plus 1024
// pseudo-random elements among those with |value| > 0.001 (text pixels and their edges in a
// detection map, the likely classes of a recognition), so that both the background and the
// parts that matter are checked.
// The VAD case runs 20 frames carrying the state; its outputs are stacked over frames.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const cache = process.env.OVKIT_CACHE || path.join(os.homedir(), '.cache', 'ovkit');
const modelsDir = path.join(cache, 'models');
const ortDir = path.join(cache, 'ort', 'node_modules', 'onnxruntime-node');
const referenceDir = path.join(__dirname, 'reference');
const ORT_VERSION = '1.30.0';
const FULL_LIMIT = 4096, RANDOM_SAMPLES = 1024, SALIENT_SAMPLES = 1024, SALIENT = 1e-3;

function die(message) {
  console.error(`make_reference.js: ${message}`);
  process.exit(1);
}

// A little-endian float32 C-order .npy file -> {shape, data: Float32Array}.
function readNpy(file) {
  const buf = fs.readFileSync(file);
  if (buf.toString('latin1', 0, 6) !== '\x93NUMPY') die(`${file} is not a .npy file`);
  const major = buf[6];
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = buf.toString('latin1', start, start + headerLen);
  const descr = /'descr':\s*'([^']*)'/.exec(header);
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header);
  if (!descr || descr[1] !== '<f4' || /'fortran_order':\s*True/.test(header) || !shape) {
    die(`${file}: expected a C-order float32 array, header ${header.trim()}`);
  }
  const dims = shape[1].split(',').map((s) => s.trim()).filter((s) => s).map(Number);
  const offset = start + headerLen;
  const data = new Float32Array(buf.buffer.slice(buf.byteOffset + offset, buf.byteOffset + buf.length));
  return { shape: dims, data };
}

// `count` pseudo-random distinct entries of `pool` (all of them when it is smaller), fixed seed.
function pick(pool, count) {
  if (pool.length <= count) return pool;
  const picked = new Set();
  let state = 12345;
  while (picked.size < count) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    picked.add(pool[state % pool.length]);
  }
  return [...picked];
}

// Flat indices stored for a tensor (see the header comment).
function sampleIndices(data) {
  const all = [...Array(data.length).keys()];
  if (data.length <= FULL_LIMIT) return all;
  const salient = all.filter((i) => Math.abs(data[i]) > SALIENT);
  const picked = new Set([...pick(all, RANDOM_SAMPLES), ...pick(salient, SALIENT_SAMPLES)]);
  return [...picked].sort((a, b) => a - b);
}

function formatOutput(k, name, shape, data) {
  const indices = sampleIndices(data);
  const lines = [`output ${k} ${name} shape ${shape.join(',')} values ${indices.length}`];
  for (const i of indices) lines.push(`${i} ${Number(data[i].toPrecision(9))}`);
  return lines.join('\n');
}

function writeReference(name, comments, outputs) {
  const text = [
    `# ${name}: ONNX Runtime ${ORT_VERSION} (onnxruntime-node, CPU), made by make_reference.js`,
    ...comments.map((c) => `# ${c}`),
    ...outputs.map((o, k) => formatOutput(k, o.name, o.shape, o.data)),
  ].join('\n') + '\n';
  fs.writeFileSync(path.join(referenceDir, `${name}.txt`), text);
  console.log(`reference/${name}.txt: ${outputs.map((o) => `${o.name} [${o.shape}]`).join(', ')}`);
}

async function session(ort, file) {
  const p = path.join(modelsDir, file);
  if (!fs.existsSync(p)) die(`${p} is missing: run scripts/fetch_models.sh`);
  return ort.InferenceSession.create(p, { executionProviders: ['cpu'] });
}

// Runs a single-input model on INPUT_DIR/<npyName> and returns its outputs in model order.
async function runOnce(ort, modelFile, npyFile) {
  const s = await session(ort, modelFile);
  const x = readNpy(npyFile);
  const result = await s.run({ [s.inputNames[0]]: new ort.Tensor('float32', x.data, x.shape) });
  return s.outputNames.map((name) => ({ name, shape: result[name].dims, data: result[name].data }));
}

// PP-OCR CTC greedy decoding, for a human-readable check in the reference comments.
function ctcDecode(probs, shape) {
  const keys = fs.readFileSync(path.join(modelsDir, 'ppocr_keys_v1.txt'), 'utf8').split('\n');
  const [, steps, classes] = shape;
  let text = '', prev = 0;
  for (let t = 0; t < steps; ++t) {
    let best = 0;
    for (let c = 1; c < classes; ++c) if (probs[t * classes + c] > probs[t * classes + best]) best = c;
    if (best !== 0 && best !== prev) text += best === classes - 1 ? ' ' : keys[best - 1];
    prev = best;
  }
  return text;
}

async function vad(ort, inputDir) {
  const s = await session(ort, 'silero_vad_v5.onnx');
  const frames = readNpy(path.join(inputDir, 'vad_frames.npy'));
  const [count, frameSize] = frames.shape;
  let state = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  const sr = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);
  const stacked = { output: [], stateN: [] };
  let shapes = {};
  for (let f = 0; f < count; ++f) {
    const input = new ort.Tensor('float32', frames.data.slice(f * frameSize, (f + 1) * frameSize), [1, frameSize]);
    const r = await s.run({ input, state, sr });
    for (const name of s.outputNames) stacked[name].push(...r[name].data);
    shapes = Object.fromEntries(s.outputNames.map((n) => [n, [count, ...r[n].dims]]));
    state = r.stateN;
  }
  const outputs = s.outputNames.map((name) => ({ name, shape: shapes[name], data: Float32Array.from(stacked[name]) }));
  const probs = Array.from(outputs[0].data, (p) => p.toFixed(3)).join(' ');
  writeReference('vad', [
    `silero_vad_v5.onnx, ${count} frames of ${frameSize} samples from vad_frames.npy, state carried`,
    'from stateN, initial state zeros, sr = 16000; outputs stacked over frames (leading axis)',
    `speech probability per frame: ${probs}`,
  ], outputs);
}

async function main() {
  const inputDir = process.argv[2];
  if (!inputDir || process.argv.length !== 3) die('usage: node make_reference.js INPUT_DIR');
  if (!fs.existsSync(ortDir)) die(`${ortDir} is missing: run scripts/fetch_models.sh`);
  const version = JSON.parse(fs.readFileSync(path.join(ortDir, 'package.json'))).version;
  if (version !== ORT_VERSION) die(`${ortDir} is onnxruntime-node ${version}, expected ${ORT_VERSION}`);
  const ort = require(ortDir);
  fs.mkdirSync(referenceDir, { recursive: true });

  const det = await runOnce(ort, 'ch_PP-OCRv4_det_infer.onnx', path.join(inputDir, 'det_x.npy'));
  const above = det[0].data.reduce((n, v) => n + (v > 0.3), 0) / det[0].data.length;
  writeReference('det', [
    'ch_PP-OCRv4_det_infer.onnx on det_x.npy (data/det.png, BGR, ImageNet mean/std)',
    `fraction of the map above 0.3: ${above.toFixed(4)}`,
  ], det);

  const rec = await runOnce(ort, 'ch_PP-OCRv4_rec_infer.onnx', path.join(inputDir, 'rec_x.npy'));
  writeReference('rec', [
    'ch_PP-OCRv4_rec_infer.onnx on rec_x.npy (data/rec.png, (x/255-0.5)/0.5, padded to 320)',
    `CTC greedy decoding: "${ctcDecode(rec[0].data, rec[0].shape)}"`,
  ], rec);

  const cls = await runOnce(ort, 'ch_ppocr_mobile_v2.0_cls_infer.onnx', path.join(inputDir, 'cls_x.npy'));
  const [p0, p180] = cls[0].data;
  writeReference('cls', [
    'ch_ppocr_mobile_v2.0_cls_infer.onnx on cls_x.npy (data/cls.png, upside down text)',
    `P(0 degrees) = ${p0.toFixed(4)}, P(180 degrees) = ${p180.toFixed(4)}`,
  ], cls);

  await vad(ort, inputDir);
}

main().catch((e) => die(e.stack || String(e)));
