import { Resvg } from '@resvg/resvg-js';
import type { RasterSize, SvgRasterizer } from '../../src-shared/export/report/svg-rasterizer';

/**
 * Charts in Node (demo:export, tests, benchmarks) go through resvg with the system's fonts. Arial is
 * rarely installed on Linux: Liberation Sans has its metrics, so the labels fit as they do in Word.
 */
export const rasterizeSvgInNode: SvgRasterizer = async (svg: string, size: RasterSize) => {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(size.width * size.scale) },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
    background: 'white',
  });
  return resvg.render().asPng();
};
