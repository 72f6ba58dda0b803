// Events per day by kind for the last 30 days: a small stacked-bar SVG with a text summary for screen readers.
import { eventKinds } from '../lib/log/event-schema';
import { maxDayTotal, totalOf, type DayCounts } from '../lib/log/day-buckets';
import { kindColors, kindLabel } from './event-kind-style';
import type { Translate } from '../lib/translate';

export interface EventChartProps {
  days: DayCounts[];
  locale: string;
  t: Translate;
}

const width = 600;
const height = 90;

export function EventChart({ days, locale, t }: EventChartProps) {
  const max = maxDayTotal(days);
  const barWidth = width / Math.max(1, days.length);
  const total = days.reduce((sum, day) => sum + totalOf(day.counts), 0);
  const dateFormat = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const present = eventKinds.filter((kind) => days.some((day) => day.counts[kind]));
  const summary = t('popup_chartSummary', [String(days.length), String(total)]);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} preserveAspectRatio="none">
        {days.map((day, i) => {
          let y = height;
          const label = `${dateFormat.format(day.start)}: ${totalOf(day.counts)}`;
          return (
            <g key={day.start} data-day={day.start}>
              <title>{label}</title>
              {eventKinds.map((kind) => {
                const n = day.counts[kind];
                if (!n) return null;
                const h = (n / max) * (height - 2);
                y -= h;
                return (
                  <rect
                    key={kind}
                    x={i * barWidth + 1}
                    y={y}
                    width={Math.max(1, barWidth - 2)}
                    height={h}
                    fill={kindColors[kind]}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="chart-summary">{summary}</span>
        {present.map((kind) => (
          <span class="legend" key={kind}>
            <span class="swatch" style={{ background: kindColors[kind] }} aria-hidden="true" />
            {kindLabel(t, kind)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
