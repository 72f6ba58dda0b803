// What was stopped and why: shared by the block and warn pages. Takes data and a translator, no browser calls.
import type { InterstitialInfo, ServiceSummary } from '../lib/interstitial/interstitial-info';
import type { Translate } from '../lib/translate';

export type ShownInfo = Extract<InterstitialInfo, { ok: true }>;

export function InterstitialDetails({
  info,
  t,
  region,
}: {
  info: ShownInfo;
  t: Translate;
  region: (code: string) => string;
}) {
  const rows: [string, string][] = [
    [t('hostLabel'), info.host],
    [t('serviceLabel'), info.service?.name ?? t('notAService')],
  ];
  if (info.service) {
    rows.push([t('operatorLabel'), info.service.operator]);
    rows.push([t('jurisdictionLabel'), region(info.service.jurisdiction)]);
  }
  rows.push([t('ruleLabel'), `${info.rule ?? '—'} (${info.policyName})`]);
  return (
    <>
      {info.message ? (
        <section class="message" aria-labelledby="message-title">
          <h2 id="message-title">{t('messageLabel')}</h2>
          <p>{info.message}</p>
        </section>
      ) : null}
      <dl class="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Alternatives alternatives={info.alternatives} t={t} region={region} />
    </>
  );
}

function Alternatives({
  alternatives,
  t,
  region,
}: {
  alternatives: ServiceSummary[];
  t: Translate;
  region: (code: string) => string;
}) {
  return (
    <section aria-labelledby="alternatives-title">
      <h2 id="alternatives-title">{t('alternativesTitle')}</h2>
      {alternatives.length ? (
        <ul class="alternatives">
          {alternatives.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong> — {s.operator} ({region(s.jurisdiction)})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('noAlternatives')}</p>
      )}
    </section>
  );
}
