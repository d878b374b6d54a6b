import type { RasterSize, SvgRasterizer } from '@shared/export/report/svg-rasterizer';

/**
 * The renderer's chart rasterizer: the browser draws the core's SVG onto a canvas at `size.scale`
 * times its CSS size (sharp on paper) and encodes it as PNG for Word. The SVG must be standalone,
 * as the core draws it: an image decoded from a blob loads no external font or picture.
 */
export const rasterizeSvgWithCanvas: SvgRasterizer = async (svg: string, size: RasterSize) => {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    try {
      await image.decode();
    } catch {
      throw new Error('le graphique n’a pas pu être dessiné (image SVG illisible)');
    }
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(size.width * size.scale));
    canvas.height = Math.max(1, Math.round(size.height * size.scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('cet ordinateur n’a pas assez de mémoire pour dessiner le graphique');
    // Word shows a transparent PNG on the page colour; a white ground keeps bars readable on any theme.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('le graphique est trop grand pour être produit sur cet ordinateur');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
};
