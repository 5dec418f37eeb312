// check.mjs -- read PNG files with node's zlib and say, per file, its size and whether its edges are blank.
// Usage: node tests/png/check.mjs FILE.png...
//        node tests/png/check.mjs --half IN.png OUT.png
// Prints per file: "FILE WIDTH HEIGHT TOPBLANK BOTTOMBLANK INK", where
// TOPBLANK and BOTTOMBLANK are how many pixel rows at that edge are plain
// white, and INK the share of pixels that are not.  8-bit RGB, RGBA, grey
// and grey+alpha, not interlaced: what Cairo writes.  Exits 1 on a file
// it cannot read.  --half writes IN at half its size, in grey, for OCR,
// which reads text of this size better and faster.
import { readFileSync, writeFileSync } from "node:fs";
import { deflateSync, inflateSync } from "node:zlib";

function decode(buf) {
	if (buf.readUInt32BE(0) !== 0x89504e47)
		throw new Error("not a PNG");
	let at = 8, w = 0, h = 0, depth = 0, type = 0, interlace = 0;
	const idat = [];
	while (at < buf.length) {
		const len = buf.readUInt32BE(at);
		const kind = buf.toString("latin1", at + 4, at + 8);
		const data = buf.subarray(at + 8, at + 8 + len);
		if (kind === "IHDR") {
			w = data.readUInt32BE(0);
			h = data.readUInt32BE(4);
			depth = data[8];
			type = data[9];
			interlace = data[12];
		} else if (kind === "IDAT")
			idat.push(data);
		else if (kind === "IEND")
			break;
		at += 12 + len;
	}
	const bpp = { 0: 1, 2: 3, 4: 2, 6: 4 }[type];
	if (depth !== 8 || bpp === undefined || interlace !== 0)
		throw new Error(`unsupported PNG (depth ${depth}, type ${type})`);
	const raw = inflateSync(Buffer.concat(idat));
	const stride = w * bpp;
	const px = Buffer.alloc(stride * h);
	for (let y = 0; y < h; y++) {
		const f = raw[y * (stride + 1)];
		const src = y * (stride + 1) + 1, dst = y * stride, up = dst - stride;
		for (let i = 0; i < stride; i++) {
			const x = raw[src + i];
			const a = i >= bpp ? px[dst + i - bpp] : 0;
			const b = y > 0 ? px[up + i] : 0;
			const c = i >= bpp && y > 0 ? px[up + i - bpp] : 0;
			let v;
			switch (f) {
			case 0: v = x; break;
			case 1: v = x + a; break;
			case 2: v = x + b; break;
			case 3: v = x + ((a + b) >> 1); break;
			case 4: {
				const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
				v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
				break;
			}
			default: throw new Error(`bad filter ${f} in row ${y}`);
			}
			px[dst + i] = v & 255;
		}
	}
	return { w, h, bpp, px };
}

// CRC-32 of PNG chunks (zlib.crc32 is node 22; this works on 20 too).
const table = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++)
		c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc(buf) {
	let c = 0xffffffff;
	for (const b of buf)
		c = table[(c ^ b) & 255] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(kind, data) {
	const len = Buffer.alloc(4), sum = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(kind, "latin1"), data]);
	sum.writeUInt32BE(crc(body));
	return Buffer.concat([len, body, sum]);
}

if (process.argv[2] === "--half") {
	const { w, h, bpp, px } = decode(readFileSync(process.argv[3]));
	const hw = w >> 1, hh = h >> 1, colours = bpp >= 3 ? 3 : 1;
	const raw = Buffer.alloc((hw + 1) * hh);
	for (let y = 0; y < hh; y++) {
		raw[y * (hw + 1)] = 0;
		for (let x = 0; x < hw; x++) {
			let sum = 0;
			for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]])
				for (let k = 0; k < colours; k++)
					sum += px[((2 * y + dy) * w + 2 * x + dx) * bpp + k];
			raw[y * (hw + 1) + 1 + x] = Math.round(sum / (4 * colours));
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(hw, 0);
	ihdr.writeUInt32BE(hh, 4);
	ihdr[8] = 8;
	writeFileSync(process.argv[4], Buffer.concat([
	    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	    chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)),
	    chunk("IEND", Buffer.alloc(0))]));
	process.exit(0);
}

let status = 0;
for (const file of process.argv.slice(2)) {
	try {
		const { w, h, bpp, px } = decode(readFileSync(file));
		const colours = bpp >= 3 ? 3 : 1;
		const white = (y) => {
			for (let x = 0; x < w; x++)
				for (let k = 0; k < colours; k++)
					if (px[(y * w + x) * bpp + k] !== 255)
						return false;
			return true;
		};
		let top = 0, bottom = 0, ink = 0;
		while (top < h && white(top)) top++;
		while (bottom < h && white(h - 1 - bottom)) bottom++;
		for (let i = 0; i < w * h; i++)
			if (px[i * bpp] !== 255 || px[i * bpp + colours - 1] !== 255)
				ink++;
		console.log(`${file} ${w} ${h} ${top} ${bottom} ${(ink / (w * h)).toFixed(4)}`);
	} catch (e) {
		console.log(`${file} unreadable: ${e.message}`);
		status = 1;
	}
}
process.exit(status);
