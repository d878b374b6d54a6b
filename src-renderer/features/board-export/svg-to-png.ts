/** Twice the board's own size: card text stays sharp when the image is zoomed, projected or printed. */
export const PREFERRED_SCALE = 2;
/** Chromium refuses a canvas wider or taller than this. */
export const MAX_CANVAS_SIDE = 16_384;
/**
 * Chromium accepts up to 268 million pixels, but such a canvas takes a gigabyte of memory and
 * minutes to encode on a modest laptop: a quarter of that keeps a 2,000-card board readable.
 */
export const MAX_CANVAS_PIXELS = 67_108_864;

/** The scale at which an image of `width` × `height` is drawn: as sharp as the canvas limits allow. */
export function pngScale(width: number, height: number): number {
  if (width <= 0 || height <= 0) return PREFERRED_SCALE;
  return Math.min(PREFERRED_SCALE, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height, Math.sqrt(MAX_CANVAS_PIXELS / (width * height)));
}

/**
 * Draws an SVG document onto a canvas and encodes it as PNG. The SVG must be standalone (no
 * external font or image), as boardToSvg makes it: an image drawn from a blob never loads any.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = pngScale(image.naturalWidth, image.naturalHeight);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.floor(image.naturalHeight * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('cet ordinateur n’a pas assez de mémoire pour dessiner l’image');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('l’image est trop grande pour être produite sur cet ordinateur');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
