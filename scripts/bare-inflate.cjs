// The floor of reading an .xlsx (npm run bench, line c): inflate every part of the archive with
// Node's zlib and find each `<c ` tag, nothing else. Any reader pays at least this.
const { readFileSync } = require('node:fs');
const { inflateRawSync } = require('node:zlib');
const buf = readFileSync(process.argv[2]);
let eocd = buf.length - 22;
while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
let p = buf.readUInt32LE(eocd + 16);
let cells = 0;
for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
  const method = buf.readUInt16LE(p + 10);
  const size = buf.readUInt32LE(p + 20);
  const nameLen = buf.readUInt16LE(p + 28);
  const local = buf.readUInt32LE(p + 42);
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(start, start + size);
  const text = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
  for (let at = text.indexOf('<c '); at >= 0; at = text.indexOf('<c ', at + 3)) cells++;
  p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
}
if (process.env.BARE_VERBOSE) console.log(cells);
