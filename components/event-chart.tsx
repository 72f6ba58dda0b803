// Events per hour or per day by kind (chartBuckets decides which), as stacked bars with date labels. The
// plot takes the keyboard focus: arrows, Home and End pick a bar, whose counts are read out below it.
import { useEffect, useState } from 'preact/hooks';
import { eventKinds } from '../lib/log/event-schema';
import { maxDayTotal, totalOf, type DayCounts } from '../lib/log/day-buckets';
import { kindColors, kindLabel } from './event-kind-style';
import type { Translate } from '../lib/translate';

export interface EventChartProps {
  /** One entry per bar, oldest first; `start` is the bucket's first millisecond. */
  days: DayCounts[];
  unit: 'hour' | 'day';
  locale: string;
  t: Translate;
}

const width = 600;
const height = 90;

export function EventChart({ days, unit, locale, t }: EventChartProps) {
  const [selected, setSelected] = useState(days.length - 1);
  useEffect(() => setSelected(days.length - 1), [days.length, unit]);
  const max = maxDayTotal(days);
  const barWidth = width / Math.max(1, days.length);
  const total = days.reduce((sum, day) => sum + totalOf(day.counts), 0);
  const format = new Intl.DateTimeFormat(
    locale,
    unit === 'hour'
      ? { hour: 'numeric', minute: '2-digit' }
      : { weekday: 'short', month: 'short', day: 'numeric' },
  );
  const axisFormat = new Intl.DateTimeFormat(
    locale,
    unit === 'hour' ? { hour: 'numeric' } : { month: 'short', day: 'numeric' },
  );
  const present = eventKinds.filter((kind) => days.some((day) => day.counts[kind]));
  const summary =
    unit === 'hour'
      ? t('popup_chartSummaryHours', [String(days.length), String(total)])
      : t('popup_chartSummary', [String(days.length), String(total)]);
  const current = days[Math.min(selected, days.length - 1)];
  const readout = current
    ? [
        t('popup_chartBucket', [format.format(current.start), String(totalOf(current.counts))]),
        ...eventKinds
          .filter((kind) => current.counts[kind])
          .map((kind) => `${kindLabel(t, kind)} ${current.counts[kind]}`),
      ].join(' · ')
    : '';
  const ticks =
    days.length > 2 ? [0, Math.floor((days.length - 1) / 2), days.length - 1] : [0, days.length - 1];

  const onKeyDown = (event: KeyboardEvent) => {
    const next = {
      ArrowLeft: Math.max(0, selected - 1),
      ArrowRight: Math.min(days.length - 1, selected + 1),
      Home: 0,
      End: days.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setSelected(next);
  };

  return (
    <figure class="chart" data-unit={unit}>
      <div
        class="chart-plot"
        role="group"
        tabIndex={0}
        aria-label={summary}
        aria-describedby="chart-readout chart-hint"
        onKeyDown={onKeyDown}
      >
        <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true" preserveAspectRatio="none">
          {days.map((day, i) => {
            let y = height;
            return (
              <g key={day.start} data-start={day.start} onMouseEnter={() => setSelected(i)}>
                <rect class="bar-hit" x={i * barWidth} y={0} width={barWidth} height={height} />
                {eventKinds.map((kind) => {
                  const n = day.counts[kind];
                  if (!n) return null;
                  const h = Math.max(2, (n / max) * (height - 4));
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
                {i === selected ? (
                  <rect
                    class="bar-selected"
                    x={i * barWidth + 0.5}
                    y={0.5}
                    width={barWidth - 1}
                    height={height - 1}
                  />
                ) : null}
              </g>
            );
          })}
        </svg>
        <div class="chart-axis" aria-hidden="true">
          {ticks.map((i) => (
            <span key={i}>{days[i] ? axisFormat.format(days[i].start) : ''}</span>
          ))}
        </div>
      </div>
      <p id="chart-readout" class="chart-readout" aria-live="polite">
        {readout}
      </p>
      <p id="chart-hint" class="visually-hidden">
        {t('popup_chartHint')}
      </p>
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
