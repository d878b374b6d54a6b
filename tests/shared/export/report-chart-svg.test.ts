import { Resvg } from '@resvg/resvg-js';
import { describe, expect, test } from 'vitest';
import { barChartSvg } from '@shared/export/report/report-chart-svg';
import type { BarChartSpec } from '@shared/export/report/report-model';
import { pngSize } from '@shared/export/sign-in-sheet-content';
import { rasterizeSvgInNode } from '../../../scripts/export/node-svg-rasterizer';

const HIGHLIGHT = '#2F5D3A';
const OTHER = '#7A9180';

const POVERTY: BarChartSpec = {
  kind: 'bars',
  title: 'Taux de pauvreté & <seuil à 60 %> « ménages »',
  unit: '%',
  bars: [
    { label: 'Territoire de la mission', value: 14.2, valueText: '14,2\u00a0%', highlight: true },
    { label: 'CC Ventadour – Égletons & <Monédières>', value: null, valueText: 'secret stat.', highlight: false },
    { label: 'Corrèze', value: 28.4, valueText: '28,4\u00a0%', highlight: false },
    { label: 'France', value: null, valueText: 'n.d.', highlight: false },
  ],
};

function bars(svg: string): { x: number; width: number; fill: string }[] {
  return [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="\d+" fill="(#[0-9A-F]{6})"\/>/g)].map((match) => ({
    x: Number(match[1]),
    width: Number(match[2]),
    fill: match[3] ?? '',
  }));
}

describe('the pre-diagnostic’s bar charts', () => {
  test('the chart is standalone SVG with its size, font and title, which a strict XML parser reads', () => {
    const { svg, width, height } = barChartSvg(POVERTY);
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`));
    expect(svg).toContain(`font-family="Arial, 'Liberation Sans', sans-serif"`);
    expect(svg).toContain('<title>Taux de pauvreté &amp; &lt;seuil à 60 %&gt; « ménages »</title>');
    expect(svg).toContain('CC Ventadour – Égletons &amp; &lt;Monédières&gt;');
    expect(() => new Resvg(svg)).not.toThrow();
    // The parser does refuse an unescaped ampersand: the check above can fail.
    expect(() => new Resvg(svg.replace('&amp;', '&'))).toThrow();
  });

  test('a secret or missing figure draws no bar and prints its words in grey italics', () => {
    const { svg } = barChartSvg(POVERTY);
    const drawn = bars(svg);
    expect(drawn).toHaveLength(2);
    expect(drawn.map((bar) => bar.fill)).toEqual([HIGHLIGHT, OTHER]);
    expect(svg).toMatch(/font-style="italic" fill="#5A5A5A">secret stat\.<\/text>/);
    expect(svg).toMatch(/font-style="italic" fill="#5A5A5A">n\.d\.<\/text>/);
    expect(svg).not.toMatch(/>0<\/text>/);
  });

  test('bar lengths are proportional to the figures from a zero baseline', () => {
    const { svg } = barChartSvg(POVERTY);
    const [mission, departement] = bars(svg);
    expect(mission?.x).toBe(departement?.x);
    expect((departement?.width ?? 0) / (mission?.width ?? 1)).toBeCloseTo(28.4 / 14.2, 2);
    const baseline = svg.match(/<line x1="([\d.]+)"/);
    expect(Number(baseline?.[1])).toBe(mission?.x);
  });

  test('a negative figure, such as a falling population, draws its bar left of the baseline', () => {
    const { svg } = barChartSvg({
      kind: 'bars',
      title: 'Variation annuelle moyenne de la population (2021)',
      unit: '% par an',
      bars: [
        { label: 'Territoire de la mission', value: -0.6, valueText: '-0,6\u00a0% par an', highlight: true },
        { label: 'France', value: 0.3, valueText: '0,3\u00a0% par an', highlight: false },
      ],
    });
    const [mission, france] = bars(svg);
    const baseline = Number(svg.match(/<line x1="([\d.]+)"/)?.[1]);
    expect((mission?.x ?? 0) + (mission?.width ?? 0)).toBeCloseTo(baseline, 1);
    expect(france?.x).toBeCloseTo(baseline, 1);
    expect((mission?.width ?? 0) / (france?.width ?? 1)).toBeCloseTo(2, 1);
  });

  test('the chart becomes a PNG for Word at twice its size', async () => {
    const { svg, width, height } = barChartSvg(POVERTY);
    const png = await rasterizeSvgInNode(svg, { width, height, scale: 2 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual({ width: width * 2, height: height * 2 });
    expect(png.length).toBeGreaterThan(5000);
  });
});
