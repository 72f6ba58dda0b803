import { describe, expect, it } from 'vitest';
import {
  serviceEntryUrls,
  serviceHomeUrl,
  serviceLabeller,
  shortServiceName,
} from '../../../lib/catalog/service-names';
import { serviceSchema } from '../../../lib/catalog/catalog-schema';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';

const service = (fields: Record<string, unknown>) =>
  serviceSchema.parse({
    id: 'x',
    name: 'X',
    operator: 'Op',
    operatorCountry: 'US',
    parentCountry: 'US',
    jurisdiction: 'US',
    confidence: 'high',
    category: 'chat',
    ...fields,
  });

describe('service display names', () => {
  it.each([
    ['ChatGPT (incl. Sora app)', 'ChatGPT'],
    ['ERNIE Bot / Wenxin Yiyan (文心一言)', 'ERNIE Bot / Wenxin Yiyan'],
    ['Claude (claude.ai)', 'Claude'],
    ['Google Gemini app', 'Google Gemini app'],
    ['(only a parenthesis)', '(only a parenthesis)'],
    ['Model (v2) studio', 'Model (v2) studio'],
  ])('%s → %s', (name, short) => {
    expect(shortServiceName(name)).toBe(short);
  });

  it('labels a catalog id with its short name and keeps the full name and id for the tooltip', () => {
    const label = serviceLabeller(shippedCatalog());
    expect(label('openai-chatgpt')).toEqual({
      name: 'ChatGPT',
      title: 'ChatGPT (incl. Sora app) · openai-chatgpt',
    });
  });

  it('leaves an id the catalog does not know as it is', () => {
    expect(serviceLabeller(shippedCatalog())('retired-service')).toEqual({
      name: 'retired-service',
      title: 'retired-service',
    });
  });

  it('every shipped service gets a non-empty short name', () => {
    for (const s of shippedCatalog()) expect(shortServiceName(s.name), s.id).toMatch(/\S/);
  });
});

describe('service addresses', () => {
  it('lists domains, then hosts, then URL patterns (without a leading wildcard)', () => {
    const s = service({
      domains: ['x.example'],
      hosts: ['chat.x.example'],
      urlPatterns: ['*.portal.example/x', 'portal.example/x'],
    });
    expect(serviceEntryUrls(s)).toEqual([
      'https://x.example/',
      'https://chat.x.example/',
      'https://portal.example/x',
      'https://portal.example/x',
    ]);
    expect(serviceHomeUrl(s)).toBe('https://x.example/');
  });

  it('has no home for a service known only by host suffixes', () => {
    expect(serviceHomeUrl(service({ hostSuffixes: ['.models.example'] }))).toBeNull();
  });

  it('finds a home for every shipped service', () => {
    for (const s of shippedCatalog()) expect(serviceHomeUrl(s), s.id).toMatch(/^https:\/\/[a-z0-9.-]+\//);
  });
});
