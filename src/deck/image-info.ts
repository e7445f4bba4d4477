import type { ImageData } from "./deck-model.js";

/**
 * Reads the pixel size of a PNG or JPEG from its header, so decks keep a logo's aspect ratio.
 * Returns null for anything else (the caller warns and leaves the logo out).
 */
export function imageInfo(bytes: Uint8Array): ImageData | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const base64 = () => Buffer.from(bytes).toString("base64");
  const isPng = bytes.length > 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(4) === 0x0d0a1a0a;
  if (isPng) {
    const widthPx = view.getUint32(16);
    const heightPx = view.getUint32(20);
    return widthPx > 0 && heightPx > 0 ? { mime: "image/png", base64: base64(), widthPx, heightPx } : null;
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return null;
      const marker = bytes[offset + 1]!;
      const length = view.getUint16(offset + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        const heightPx = view.getUint16(offset + 5);
        const widthPx = view.getUint16(offset + 7);
        return widthPx > 0 && heightPx > 0
          ? { mime: "image/jpeg", base64: base64(), widthPx, heightPx }
          : null;
      }
      offset += 2 + length;
    }
  }
  return null;
}
