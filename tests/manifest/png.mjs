// A small PNG reader for the icon tests, so that they need no image library.
// It decodes only 8-bit RGBA without interlacing, the format that the icon
// generator writes and that Teams needs for a transparent outline icon.

import zlib from "node:zlib";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const PNG_COLOR_TYPE_RGBA = 6;

/** Splits a PNG file into its chunks, checking the signature and every chunk's CRC. */
export function readChunks(file) {
  if (file.length < PNG_SIGNATURE.length || !file.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error("not a PNG file: the 8-byte PNG signature is missing");
  }

  const chunks = [];
  let offset = PNG_SIGNATURE.length;
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString("ascii", offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    const storedCrc = file.readUInt32BE(offset + 8 + length);
    const actualCrc = zlib.crc32(file.subarray(offset + 4, offset + 8 + length));
    if (storedCrc !== actualCrc) {
      throw new Error(`invalid PNG: CRC mismatch in chunk ${type} at byte ${offset}`);
    }
    chunks.push({ type, data });
    offset += 12 + length;
  }
  return chunks;
}

/** Returns the fields of the IHDR chunk, which the PNG format requires to come first. */
export function readHeader(file) {
  const [first] = readChunks(file);
  if (first?.type !== "IHDR") {
    throw new Error(`invalid PNG: the first chunk is ${first?.type}, expected IHDR`);
  }
  return {
    width: first.data.readUInt32BE(0),
    height: first.data.readUInt32BE(4),
    bitDepth: first.data[8],
    colorType: first.data[9],
    interlaceMethod: first.data[12],
  };
}

function paethPredictor(left, up, upLeft) {
  const estimate = left + up - upLeft;
  const distanceLeft = Math.abs(estimate - left);
  const distanceUp = Math.abs(estimate - up);
  const distanceUpLeft = Math.abs(estimate - upLeft);
  if (distanceLeft <= distanceUp && distanceLeft <= distanceUpLeft) {
    return left;
  }
  return distanceUp <= distanceUpLeft ? up : upLeft;
}

/**
 * Decodes an 8-bit RGBA, non-interlaced PNG into { width, height, pixels }, where
 * pixels contains 4 bytes (red, green, blue, alpha) per pixel, row by row.
 * Throws on any other format.
 */
export function decodeRgba(file) {
  const header = readHeader(file);
  if (header.bitDepth !== 8 || header.colorType !== PNG_COLOR_TYPE_RGBA || header.interlaceMethod !== 0) {
    throw new Error(
      `unsupported PNG format: bit depth ${header.bitDepth}, color type ${header.colorType}, ` +
        `interlace ${header.interlaceMethod}; expected 8-bit RGBA (color type 6) without interlacing`,
    );
  }

  const compressed = Buffer.concat(
    readChunks(file)
      .filter((chunk) => chunk.type === "IDAT")
      .map((chunk) => chunk.data),
  );
  const filtered = zlib.inflateSync(compressed);

  const bytesPerPixel = 4;
  const rowLength = header.width * bytesPerPixel;
  if (filtered.length !== header.height * (rowLength + 1)) {
    throw new Error(`invalid PNG: image data has ${filtered.length} bytes, expected ${header.height * (rowLength + 1)}`);
  }

  const pixels = Buffer.alloc(header.height * rowLength);
  for (let row = 0; row < header.height; row++) {
    const filterType = filtered[row * (rowLength + 1)];
    const source = filtered.subarray(row * (rowLength + 1) + 1, (row + 1) * (rowLength + 1));
    const target = row * rowLength;

    for (let i = 0; i < rowLength; i++) {
      const left = i >= bytesPerPixel ? pixels[target + i - bytesPerPixel] : 0;
      const up = row > 0 ? pixels[target - rowLength + i] : 0;
      const upLeft = row > 0 && i >= bytesPerPixel ? pixels[target - rowLength + i - bytesPerPixel] : 0;

      let predictor;
      switch (filterType) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = Math.floor((left + up) / 2);
          break;
        case 4:
          predictor = paethPredictor(left, up, upLeft);
          break;
        default:
          throw new Error(`invalid PNG: unknown filter type ${filterType} on row ${row}`);
      }
      pixels[target + i] = (source[i] + predictor) & 0xff;
    }
  }

  return { width: header.width, height: header.height, pixels };
}
