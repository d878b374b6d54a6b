import { useEffect, useEffectEvent, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

/** Colours distinguishable by the common colour-vision deficiencies, all above 3:1 on white. */
export const CHART_COLOURS = ['#2d5f2e', '#b35806', '#3a6ea5', '#8e3b7d', '#5b5b5b', '#a6761d', '#1b7a77'] as const;

export interface ChartSeries {
  label: string;
  /** One value per category; null leaves a gap (secret or missing), never a zero. */
  values: (number | null)[];
}

export interface IndicatorChartProps {
  kind: 'bar' | 'line' | 'pyramid';
  /** Short description read by screen readers in place of the drawing. */
  description: string;
  categories: string[];
  series: ChartSeries[];
  /** "Source : INSEE, Filosofi 2021" — printed under the chart. */
  caption: string;
  formatValue: (value: number) => string;
}

function configuration({ kind, categories, series, formatValue }: IndicatorChartProps): ChartConfiguration<'bar' | 'line'> {
  const pyramid = kind === 'pyramid';
  return {
    type: kind === 'line' ? 'line' : 'bar',
    data: {
      labels: categories,
      datasets: series.map((entry, index) => ({
        label: entry.label,
        // A pyramid draws its first series to the left of the axis.
        data: entry.values.map((value) => (value === null ? null : pyramid && index === 0 ? -value : value)),
        backgroundColor: CHART_COLOURS[index % CHART_COLOURS.length],
        borderColor: CHART_COLOURS[index % CHART_COLOURS.length],
        spanGaps: false,
      })),
    },
    options: {
      locale: 'fr-FR',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: pyramid ? 'y' : 'x',
      scales: {
        x: {
          stacked: pyramid,
          ticks: pyramid ? { callback: (value) => formatValue(Math.abs(Number(value))) } : {},
        },
        y: {
          stacked: pyramid,
          reverse: pyramid,
          ticks: pyramid ? {} : { callback: (value) => formatValue(Number(value)) },
        },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''} : ${formatValue(Math.abs(Number(item.raw)))}`,
          },
        },
      },
    },
  };
}

/**
 * One chart drawn by Chart.js, captioned with its source and year. The canvas is an image with a
 * text description, and the figures it shows are always in a table next to it, so nothing is
 * available only to sighted users.
 */
export function IndicatorChart(props: IndicatorChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'bar' | 'line'> | null>(null);
  const { kind } = props;
  const currentConfiguration = useEffectEvent(() => configuration(props));

  // The chart object is rebuilt only when its kind changes; data changes go through update().
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const chart = new Chart(canvas, currentConfiguration());
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, [kind]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const next = configuration(props);
    chart.data = next.data;
    chart.options = next.options ?? {};
    chart.update('none');
  });

  return (
    <figure className="indicator-chart">
      <div className="indicator-chart__canvas">
        <canvas ref={canvasRef} role="img" aria-label={props.description}>
          {props.description}
        </canvas>
      </div>
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}
