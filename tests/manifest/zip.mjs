// A small ZIP reader for the packaging tests, so that they need neither unzip nor
// an npm package. It reads the central directory and supports the two compression
// methods that zip(1) writes, stored (0) and deflate (8). ZIP64 is not supported.

import zlib from "node:zlib";

const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_FILE_HEADER_SIGNATURE = 0x04034b50;

// The end record is 22 bytes followed by a comment of at most 65535 bytes.
const END_RECORD_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;

function findEndOfCentralDirectory(archive) {
  const lowest = Math.max(0, archive.length - END_RECORD_LENGTH - MAX_COMMENT_LENGTH);
  for (let offset = archive.length - END_RECORD_LENGTH; offset >= lowest; offset--) {
    if (archive.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY_SIGNATURE) {
      return offset;
    }
  }
  throw new Error("not a ZIP archive: end of central directory record not found");
}

function extractEntry(archive, entry) {
  if (archive.readUInt32LE(entry.localHeaderOffset) !== LOCAL_FILE_HEADER_SIGNATURE) {
    throw new Error(`invalid ZIP: no local file header for ${entry.name} at byte ${entry.localHeaderOffset}`);
  }
  const nameLength = archive.readUInt16LE(entry.localHeaderOffset + 26);
  const extraLength = archive.readUInt16LE(entry.localHeaderOffset + 28);
  const start = entry.localHeaderOffset + 30 + nameLength + extraLength;
  const compressed = archive.subarray(start, start + entry.compressedSize);

  switch (entry.compressionMethod) {
    case 0:
      return Buffer.from(compressed);
    case 8:
      return zlib.inflateRawSync(compressed);
    default:
      throw new Error(`unsupported ZIP compression method ${entry.compressionMethod} for ${entry.name}`);
  }
}

/**
 * Reads every entry of a ZIP archive into [{ name, data }] in central directory
 * order. Throws when an entry's size or CRC-32 differs from the directory's record.
 */
export function readZipEntries(archive) {
  const end = findEndOfCentralDirectory(archive);
  const entryCount = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);

  const entries = [];
  for (let i = 0; i < entryCount; i++) {
    if (archive.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY_SIGNATURE) {
      throw new Error(`invalid ZIP: central directory entry ${i} not found at byte ${offset}`);
    }
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const entry = {
      name: archive.toString("utf8", offset + 46, offset + 46 + nameLength),
      compressionMethod: archive.readUInt16LE(offset + 10),
      crc32: archive.readUInt32LE(offset + 16),
      compressedSize: archive.readUInt32LE(offset + 20),
      uncompressedSize: archive.readUInt32LE(offset + 24),
      localHeaderOffset: archive.readUInt32LE(offset + 42),
    };

    const data = extractEntry(archive, entry);
    if (data.length !== entry.uncompressedSize || zlib.crc32(data) !== entry.crc32) {
      throw new Error(`invalid ZIP: ${entry.name} does not match its recorded size or CRC-32`);
    }
    entries.push({ name: entry.name, data });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
