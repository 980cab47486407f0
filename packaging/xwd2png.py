"""xwd2png.py IN.xwd OUT.png: a 24/32-bit TrueColor X window dump (`xwd`) as PNG, stdlib only."""
import struct, sys, zlib

data = open(sys.argv[1], "rb").read()
h = struct.unpack(">25I", data[:100])
header_size, width, height = h[0], h[4], h[5]
byte_order, bpp, bytes_per_line, ncolors = h[7], h[11], h[12], h[19]
masks = h[14:17]
if bpp not in (24, 32):
    sys.exit(f"xwd2png: {bpp} bits per pixel, only 24 and 32 are read")
size = bpp // 8
offset = header_size + 12 * ncolors
order = "little" if byte_order == 0 else "big"
shifts = [(m & -m).bit_length() - 1 for m in masks]
rows = []
for y in range(height):
    line = data[offset + y * bytes_per_line: offset + y * bytes_per_line + size * width]
    row = bytearray(b"\0")
    for x in range(width):
        px = int.from_bytes(line[x * size:(x + 1) * size], order)
        row += bytes(((px & m) >> s) & 0xFF for m, s in zip(masks, shifts))
    rows.append(bytes(row))

def chunk(kind, body):
    c = kind + body
    return struct.pack(">I", len(body)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
open(sys.argv[2], "wb").write(png)
