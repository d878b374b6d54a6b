import { formatInteger } from '@shared/format/french-format';
import { MAX_PHOTO_BYTES, MAX_PHOTO_SIDE, type PhotoMediaType } from '@shared/meetings/meeting-model';

/** A file that will not be stored, with the French reason, naming the file. */
export class PhotoRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhotoRefusedError';
  }
}

export interface PreparedPhoto {
  bytes: Uint8Array<ArrayBuffer>;
  mediaType: PhotoMediaType;
  /** Pixels as displayed, after the orientation the camera recorded. */
  width: number;
  height: number;
}

/** A phone photo weighs 4 to 12 MB: a heavier file is not worth decoding on a laptop in a village hall. */
const MAX_FILE_BYTES = 60 * 1024 * 1024;

/** Close to what phones themselves use: paper boards stay legible at a third of the weight. */
const JPEG_QUALITY = 0.85;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
}

const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/**
 * The image format the bytes are actually in, whatever the file's name says (a text file renamed
 * .jpg is not a photo), or null for anything but JPEG, PNG and WebP.
 */
export function sniffPhotoMediaType(bytes: Uint8Array): PhotoMediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'image/webp';
  return null;
}

/** The size that fits within `maxSide` pixels on the long side, keeping the proportions; never enlarged. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const longSide = Math.max(width, height);
  if (longSide <= maxSide) return { width, height };
  const scale = maxSide / longSide;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function encodeJpeg(bitmap: ImageBitmap, size: { width: number; height: number }): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoRefusedError('Cet ordinateur ne permet pas de réduire les photos : la photo n’a pas été ajoutée.');
  // JPEG has no transparency: the transparent parts of a PNG would turn black instead of paper white.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Checks that the file is a readable photo and reduces it to at most MAX_PHOTO_SIDE pixels on its
 * long side, as a JPEG, upright as the camera recorded it. Every photo is re-encoded, even one that
 * already fits: a camera's metadata (the place the photo was taken, the device) must not travel
 * with a picture of people. Throws a PhotoRefusedError otherwise.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const name = `Le fichier « ${file.name} »`;
  if (file.size === 0) throw new PhotoRefusedError(`${name} est vide : rien n’a été ajouté.`);
  if (file.size > MAX_FILE_BYTES) {
    throw new PhotoRefusedError(`${name} est trop lourd pour une photo (plus de ${formatInteger(MAX_FILE_BYTES / (1024 * 1024))} Mo) : rien n’a été ajouté.`);
  }
  const original = new Uint8Array(await file.arrayBuffer());
  const mediaType = sniffPhotoMediaType(original);
  if (!mediaType) {
    throw new PhotoRefusedError(`${name} n’est pas une photo : seules les images JPEG, PNG ou WebP peuvent être jointes. Rien n’a été ajouté.`);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([original], { type: mediaType }), { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoRefusedError(`${name} est illisible : il est peut-être abîmé ou incomplet. Rien n’a été ajouté.`);
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, MAX_PHOTO_SIDE);
    const prepared: PreparedPhoto = { bytes: await encodeJpeg(bitmap, size), mediaType: 'image/jpeg', ...size };
    if (prepared.bytes.byteLength > MAX_PHOTO_BYTES) {
      throw new PhotoRefusedError(`La photo « ${file.name} » reste trop lourde une fois réduite (plus de ${formatInteger(MAX_PHOTO_BYTES / (1024 * 1024))} Mo) : rien n’a été ajouté.`);
    }
    return prepared;
  } finally {
    bitmap.close();
  }
}
