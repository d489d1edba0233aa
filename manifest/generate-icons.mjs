// Draws the two Teams app icons and writes them as RGBA PNG files:
// color.png (192x192, a white check mark on a UN-blue #009EDB rounded square) and
// outline.png (32x32, the same shapes as white strokes on a transparent background).
//
// Usage: node manifest/generate-icons.mjs [OUTPUT_DIR]
// OUTPUT_DIR defaults to the folder of this script, which contains the committed icons.
// The output depends only on this file and the zlib build that Node ships with.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const UN_BLUE = [0x00, 0x9e, 0xdb];
const WHITE = [0xff, 0xff, 0xff];

// Each pixel is sampled on a SUPERSAMPLING x SUPERSAMPLING grid, so edges are anti-aliased.
const SUPERSAMPLING = 4;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_COLOR_TYPE_RGBA = 6;

/** Returns the signed distance from (x, y) to a rounded square centered at (center, center), negative inside. */
function roundedSquareDistance(x, y, center, halfSize, cornerRadius) {
  const qx = Math.abs(x - center) - (halfSize - cornerRadius);
  const qy = Math.abs(y - center) - (halfSize - cornerRadius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  const inside = Math.min(Math.max(qx, qy), 0);
  return outside + inside - cornerRadius;
}

function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Returns whether (x, y) lies on a polyline stroked with round caps and joins. */
function isOnStroke(x, y, points, strokeWidth) {
  for (let i = 0; i + 1 < points.length; i++) {
    if (segmentDistance(x, y, points[i], points[i + 1]) <= strokeWidth / 2) {
      return true;
    }
  }
  return false;
}

/**
 * Renders an RGBA image of size x size pixels. `paint(x, y)` returns the opaque
 * [r, g, b] color at a sample point, or null where the point is transparent.
 * Samples are averaged with premultiplied alpha, so anti-aliased edges keep their color.
 */
function render(size, paint) {
  const pixels = Buffer.alloc(size * size * 4);
  const sampleCount = SUPERSAMPLING * SUPERSAMPLING;

  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let covered = 0;

      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const color = paint(px + (sx + 0.5) / SUPERSAMPLING, py + (sy + 0.5) / SUPERSAMPLING);
          if (color !== null) {
            red += color[0];
            green += color[1];
            blue += color[2];
            covered++;
          }
        }
      }

      const offset = (py * size + px) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(red / covered);
        pixels[offset + 1] = Math.round(green / covered);
        pixels[offset + 2] = Math.round(blue / covered);
        pixels[offset + 3] = Math.round((255 * covered) / sampleCount);
      }
    }
  }

  return pixels;
}

function drawColorIcon() {
  const size = 192;
  const checkMark = [
    [58, 100],
    [84, 126],
    [136, 70],
  ];

  return render(size, (x, y) => {
    if (roundedSquareDistance(x, y, size / 2, size / 2, 40) > 0) {
      return null;
    }
    return isOnStroke(x, y, checkMark, 18) ? WHITE : UN_BLUE;
  });
}

/** Draws the outline icon white on a fully transparent background, as Teams requires. */
function drawOutlineIcon() {
  const size = 32;
  const frameStrokeWidth = 2;
  const checkMark = [
    [9.5, 16.5],
    [14, 21],
    [22.5, 11.5],
  ];

  return render(size, (x, y) => {
    const onFrame = Math.abs(roundedSquareDistance(x, y, size / 2, 14, 6)) <= frameStrokeWidth / 2;
    return onFrame || isOnStroke(x, y, checkMark, 2.5) ? WHITE : null;
  });
}

function encodeChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes RGBA pixels as an 8-bit, non-interlaced PNG with filter type 0 on every row. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = PNG_COLOR_TYPE_RGBA;
  // Bytes 10 to 12 stay 0, which selects deflate compression, adaptive filtering and no interlacing.

  const rowLength = width * 4;
  const scanlines = Buffer.alloc(height * (rowLength + 1));
  for (let row = 0; row < height; row++) {
    // The first byte of each scanline is its filter type, 0 (None).
    rgba.copy(scanlines, row * (rowLength + 1) + 1, row * rowLength, (row + 1) * rowLength);
  }

  return Buffer.concat([
    PNG_SIGNATURE,
    encodeChunk("IHDR", header),
    encodeChunk("IDAT", zlib.deflateSync(scanlines, { level: 9 })),
    encodeChunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const scriptDirectory = path.dirname(fileURLToPath(import.meta.url));
  const outputDirectory = path.resolve(process.argv[2] ?? scriptDirectory);
  mkdirSync(outputDirectory, { recursive: true });

  const icons = [
    { file: "color.png", size: 192, pixels: drawColorIcon() },
    { file: "outline.png", size: 32, pixels: drawOutlineIcon() },
  ];
  for (const icon of icons) {
    const target = path.join(outputDirectory, icon.file);
    writeFileSync(target, encodePng(icon.size, icon.size, icon.pixels));
    console.log(`Wrote ${target} (${icon.size}x${icon.size})`);
  }
}

main();
