import { signatureToSvg } from '@shared/meetings/signature';

/** The size signatures are drawn at in documents: the pad's own proportions, sharp when printed. */
const WIDTH = 600;
const HEIGHT = 200;

/**
 * Word and Excel take signatures as PNG: the stored strokes are drawn as SVG by the shared core,
 * and the browser rasterises that SVG through a canvas.
 */
export async function signaturePng(encoded: string): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([signatureToSvg(encoded, { width: WIDTH, height: HEIGHT })], { type: 'image/svg+xml' }));
  try {
    const image = new Image(WIDTH, HEIGHT);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('le navigateur ne permet pas de dessiner la signature');
    context.drawImage(image, 0, 0, WIDTH, HEIGHT);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('la signature n’a pas pu être convertie en image');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
