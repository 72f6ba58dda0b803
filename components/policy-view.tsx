// The policy view: what the policy in force does to every catalog service, the rule that decides it and
// why. Rows come from explainPolicy() (lib/policy), the same code as `cli decide --services`.
import { useMemo, useState } from 'preact/hooks';
import {
  countByAction,
  filterPolicyView,
  type PolicyViewFilter,
  type PolicyViewRow,
} from '../lib/policy/policy-view';
import { shortServiceName } from '../lib/catalog/service-names';
import type { Translate } from '../lib/translate';

export interface PolicyViewProps {
  /** Undefined while the policy is read. */
  rows: PolicyViewRow[] | undefined;
  t: Translate;
  region: (code: string) => string;
}

const actionFilters = ['', 'block', 'warn', 'allow'] as const;

export function PolicyView({ rows, t, region }: PolicyViewProps) {
  const [filter, setFilter] = useState<PolicyViewFilter>({ action: '', text: '' });
  const shown = useMemo(() => filterPolicyView(rows ?? [], filter), [rows, filter]);
  const counts = useMemo(() => countByAction(rows ?? []), [rows]);
  if (!rows) return <p>{t('popup_loading')}</p>;
  return (
    <section class="policy-view" aria-labelledby="policy-view-title">
      <h2 id="policy-view-title" class="visually-hidden">
        {t('popup_tabPolicy')}
      </h2>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <fieldset class="action-filter">
          <legend>{t('popup_policyShow')}</legend>
          {actionFilters.map((action) => (
            <label key={action || 'all'} class={`action-choice action-${action || 'all'}`}>
              <input
                type="radio"
                name="policy-action"
                value={action}
                checked={filter.action === action}
                onChange={() => setFilter({ ...filter, action })}
              />
              {action ? t(`popup_action_${action}`) : t('popup_all')}{' '}
              <span class="count">({action ? counts[action] : rows.length})</span>
            </label>
          ))}
        </fieldset>
        <span class="field">
          <label for="policy-search">{t('popup_policySearch')}</label>
          <input
            type="search"
            id="policy-search"
            value={filter.text}
            onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
          />
        </span>
      </form>
      <table class="policy-table">
        <caption aria-live="polite">
          {t('popup_policyCount', [String(shown.length), String(rows.length)])}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('popup_colService')}</th>
            <th scope="col">{t('popup_colDecision')}</th>
            <th scope="col">{t('popup_colRule')}</th>
            <th scope="col">{t('popup_colWhy')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.service ?? row.host} data-service={row.service ?? ''} data-action={row.action}>
              <th scope="row" title={row.service ? `${row.serviceName ?? ''} · ${row.service}` : row.host}>
                {row.serviceName ? shortServiceName(row.serviceName) : row.host}
                {row.origin === 'catalog' ? null : (
                  <span class="origin"> {t(`popup_origin_${row.origin.replace('-', '_')}`)}</span>
                )}
              </th>
              <td>
                <span class={`action action-${row.action}`}>{t(`popup_action_${row.action}`)}</span>
                {row.enforced ? null : <span class="audit"> {t('popup_auditOnly')}</span>}
              </td>
              <td title={row.ruleDescription ?? undefined}>
                {row.rule === 'fallback' ? t('popup_ruleFallback') : row.rule}
              </td>
              <td>
                <Why row={row} t={t} region={region} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The criteria the deciding rule met, in words; for the fallback, the facts it was decided on. */
function Why({ row, t, region }: { row: PolicyViewRow; t: Translate; region: (code: string) => string }) {
  const reasons: string[] = [];
  const met = row.matchedOn;
  if (met.services) reasons.push(t('popup_whyService'));
  if (met.hosts) reasons.push(t('popup_whyHost', [met.hosts]));
  if (met.jurisdictions)
    reasons.push(
      met.jurisdictions === 'unknown'
        ? t('popup_whyJurisdictionUnknown')
        : t('popup_whyJurisdiction', [region(met.jurisdictions)]),
    );
  if (met.parentCountries) reasons.push(t('popup_whyParent', [region(met.parentCountries)]));
  if (met.categories)
    reasons.push(t('popup_whyCategory', [t(`popup_category_${met.categories.replace('-', '_')}`)]));
  if (met.confidence) reasons.push(t('popup_whyConfidence', [t(`popup_confidence_${met.confidence}`)]));
  if (!reasons.length && row.jurisdiction) {
    reasons.push(t('popup_whyNoRule', [region(row.jurisdiction)]));
  }
  return (
    <>
      {reasons.join('; ')}
      {row.exceptions.map((e) => (
        <span class="exception" key={e.host}>
          {t('popup_whyException', [e.host, t(`popup_action_${e.action}`), e.rule ?? '—'])}
        </span>
      ))}
    </>
  );
}
