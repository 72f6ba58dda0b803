// What a blocked or warned person can do next: approved alternatives (linked), a request-access link with
// the service and host filled in, and who to ask. Computed by the background from its own decision.
import { z } from 'zod';
import { serviceHomeUrl, shortServiceName } from '../catalog/service-names';
import type { Service } from '../catalog/catalog-schema';
import type { CompiledPolicy } from '../policy/compile-policy';
import type { Decision } from '../policy/decide';
import { isAllowedLink, requestAccessHref } from '../policy/request-access';

/** A link the pages may render, checked again where the page receives it. */
const safeHref = z.string().max(4000).refine(isAllowedLink, 'expected an https: or mailto: link');

export const alternativeSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  operator: z.string(),
  jurisdiction: z.string(),
  /** Where the service opens, when the catalog knows an address for it. */
  url: safeHref.nullable(),
});
export type Alternative = z.infer<typeof alternativeSchema>;

export const whatNextSchema = z.strictObject({
  alternatives: z.array(alternativeSchema),
  /** The policy's requestAccess.url with this service and host filled in; null without one. */
  requestAccess: safeHref.nullable(),
  /** Who to ask (the policy's requestAccess.contact). */
  contact: z.string().nullable(),
});
export type WhatNext = z.infer<typeof whatNextSchema>;

export function whatNext(compiled: CompiledPolicy, decision: Decision): WhatNext {
  const { policy } = compiled;
  const byId = new Map(compiled.catalog.map((s) => [s.id, s]));
  const template = policy.requestAccess?.url;
  const service = decision.service;
  return {
    alternatives: policy.alternatives.flatMap((id) => {
      const alternative = byId.get(id);
      return alternative && alternative.id !== service?.id ? [toAlternative(alternative)] : [];
    }),
    requestAccess:
      template && decision.host
        ? requestAccessHref(template, {
            service: service?.id ?? '',
            serviceName: service ? shortServiceName(service.name) : decision.host,
            host: decision.host,
            rule: decision.rule ?? '',
          })
        : null,
    contact: policy.requestAccess?.contact ?? null,
  };
}

function toAlternative(service: Service): Alternative {
  return {
    id: service.id,
    name: shortServiceName(service.name),
    operator: service.operator,
    jurisdiction: service.jurisdiction,
    url: serviceHomeUrl(service),
  };
}
