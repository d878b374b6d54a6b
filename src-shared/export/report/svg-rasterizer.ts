/**
 * Turns an SVG drawing into PNG bytes. The core draws charts as SVG text; each platform supplies
 * the rasterizer (a canvas in the renderer, resvg in Node scripts and tests), because Word and
 * LibreOffice reliably show PNG images and the core has no canvas.
 */
export interface RasterSize {
  /** CSS pixels of the drawing; the PNG is rendered at `scale` times that for print. */
  width: number;
  height: number;
  scale: number;
}

export type SvgRasterizer = (svg: string, size: RasterSize) => Promise<Uint8Array>;
