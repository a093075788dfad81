// The Zarr v3 oracle for the Java tests: zarrita (npm zarrita 0.7 + @zarrita/storage) reads and writes arrays on disk.
//   node zarrita-check.mjs read ROOT ITEM...   for each ITEM ("PATH" or "PATH@start:stop,start:stop,..." for a region)
//                                              prints a line {"shape", "dtype", "sha256", "chunks"}, the sha256 being
//                                              that of the values as C-order little-endian bytes (or {"error": ...})
//   node zarrita-check.mjs write ROOT JSON     creates the arrays JSON lists ([{path, dtype, shape, chunks, codecs, fill,
//                                              separator}]), each holding value(i) = (i * 7 + 3) % 251 at flat index i
//                                              (minus 125 for signed types, / 4 for floats, odd for true), and prints
//                                              the same summary line of each
//   node zarrita-check.mjs bench ROOT PATH N   reads the whole array N+3 times, prints "median=<s> times=..." of the last N
import * as zarr from "zarrita";
import FileSystemStore from "@zarrita/storage/fs";
import { createHash } from "node:crypto";

const [cmd, root, ...args] = process.argv.slice(2);
const store = new FileSystemStore(root);

// The values in C order: zarrita returns a transposed array's data in its stored order, with strides to match.
function cOrderBytes(chunk) {
	const { data, shape, stride } = chunk;
	const n = shape.reduce((a, b) => a * b, 1);
	const width = data.BYTES_PER_ELEMENT;
	const src = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
	const out = new Uint8Array(n * width);
	const idx = new Array(shape.length).fill(0);
	for (let i = 0; i < n; i++) {
		let off = 0;
		for (let d = 0; d < shape.length; d++) off += idx[d] * stride[d];
		out.set(src.subarray(off * width, off * width + width), i * width);
		for (let d = shape.length - 1; d >= 0; d--) {
			if (++idx[d] < shape[d]) break;
			idx[d] = 0;
		}
	}
	return out;
}

function summary(arr, chunk) {
	const bytes = cOrderBytes(chunk);
	return JSON.stringify({
		shape: chunk.shape,
		dtype: arr.dtype,
		chunks: arr.chunks,
		sha256: createHash("sha256").update(bytes).digest("hex"),
	});
}

function value(dtype, i) {
	const v = (i * 7 + 3) % 251;
	if (dtype.startsWith("int")) return v - 125;
	if (dtype.startsWith("float")) return v / 4;
	return v;
}

if (cmd === "read") {
	for (const item of args) {
		const [path, region] = item.split("@");
		try {
			const arr = await zarr.open.v3(zarr.root(store).resolve(path), { kind: "array" });
			let sel = null;
			if (region) sel = region.split(",").map((r) => { const [a, b] = r.split(":").map(Number); return zarr.slice(a, b); });
			console.log(summary(arr, await zarr.get(arr, sel)));
		} catch (e) {
			console.log(JSON.stringify({ error: String(e) }));
		}
	}
} else if (cmd === "write") {
	for (const spec of JSON.parse(args[0])) await write(spec);
} else if (cmd === "bench") {
	const arr = await zarr.open.v3(zarr.root(store).resolve(args[0]), { kind: "array" });
	const n = Number(args[1]);
	const times = [];
	let chunk;
	for (let k = 0; k < n + 3; k++) {
		const t0 = process.hrtime.bigint();
		chunk = await zarr.get(arr);
		const t = Number(process.hrtime.bigint() - t0) / 1e9;
		if (k >= 3) times.push(t);
	}
	let sum = 0n;
	for (let i = 0; i < chunk.data.length; i++) sum += BigInt(chunk.data[i]);
	const sorted = [...times].sort((a, b) => a - b);
	console.log(`median=${sorted[Math.floor(sorted.length / 2)].toFixed(6)} sum=${sum} times=${times.map((t) => t.toFixed(6)).join(",")}`);
} else {
	console.error("usage: node zarrita-check.mjs read|write|bench ROOT ...");
	process.exit(2);
}

async function write(spec) {
	const arr = await zarr.create(zarr.root(store).resolve(spec.path), {
		shape: spec.shape,
		chunkShape: spec.chunks,
		dtype: spec.dtype,
		codecs: spec.codecs,
		fillValue: spec.fill,
		chunkSeparator: spec.separator,
		dimensionNames: spec.dimensionNames,
	});
	const n = spec.shape.reduce((a, b) => a * b, 1);
	const Ctor = { bool: zarr.BoolArray, int8: Int8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array,
		uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array,
		float32: Float32Array, float64: Float64Array }[spec.dtype];
	const data = new Ctor(n);
	for (let i = 0; i < n; i++) {
		const v = value(spec.dtype, i);
		if (spec.dtype === "bool") data.set(i, v % 2 === 1);
		else data[i] = spec.dtype.endsWith("64") && spec.dtype.includes("int") ? BigInt(v) : v;
	}
	const stride = [];
	let acc = 1;
	for (let k = spec.shape.length - 1; k >= 0; k--) { stride[k] = acc; acc *= spec.shape[k]; }
	await zarr.set(arr, null, { data, shape: spec.shape, stride });
	console.log(summary(arr, await zarr.get(arr)));
}
