import { describe, expect, it } from 'vitest';
import { HostIndex, pathHasPrefix } from '../../../lib/catalog/host-index';
import { serviceSchema, type ServiceInput } from '../../../lib/catalog/catalog-schema';

const service = (id: string, fields: Partial<ServiceInput>) =>
  serviceSchema.parse({
    id,
    name: id,
    operator: id,
    operatorCountry: 'US',
    parentCountry: 'US',
    jurisdiction: 'US',
    confidence: 'high',
    category: 'chat',
    ...fields,
  });

const index = new HostIndex([
  service('parent', { domains: ['example-ai.com'] }),
  service('child', { hosts: ['chat.example-ai.com'] }),
  service('azure', { hostSuffixes: ['.openai.azure.com'] }),
  service('vertex', { hostSuffixes: ['-aiplatform.googleapis.com'] }),
  service('copilot', { urlPatterns: ['github.com/copilot'] }),
  service('hub', { domains: ['hub.example'] }),
  service('hubchat', { urlPatterns: ['hub.example/chat'] }),
  service('console', { urlPatterns: ['*.console.cloud.example/ai'] }),
  service('runtime', { hostPatterns: ['^runtime\\.[a-z0-9-]+\\.cloud\\.example$'] }),
]);

describe('HostIndex.lookup', () => {
  it.each([
    ['registrable domain', 'example-ai.com', '/', 'parent'],
    ['subdomain of a domain', 'www.example-ai.com', '/', 'parent'],
    ['longest host wins', 'chat.example-ai.com', '/', 'child'],
    ['subdomain of the longer host', 'eu.chat.example-ai.com', '/', 'child'],
    ['dot suffix needs a subdomain label', 'myco.openai.azure.com', '/', 'azure'],
    ['dash suffix inside a label', 'us-central1-aiplatform.googleapis.com', '/v1', 'vertex'],
    ['path prefix', 'github.com', '/copilot', 'copilot'],
    ['path prefix with more path', 'github.com', '/copilot/chat', 'copilot'],
    ['path prefix with query', 'github.com', '/copilot?x=1', 'copilot'],
    ['path prefix beats host', 'hub.example', '/chat/conv', 'hubchat'],
    ['host when the path does not match', 'hub.example', '/models', 'hub'],
    ['wildcard path pattern on a subdomain', 'eu-west-1.console.cloud.example', '/ai/x', 'console'],
    ['host pattern', 'runtime.us-east-1.cloud.example', '/', 'runtime'],
  ])('%s', (_name, host, path, expected) => {
    expect(index.lookup(host, path)?.service.id).toBe(expected);
  });

  it.each([
    ['look-alike suffix', 'example-ai.com.evil.test', '/'],
    ['look-alike prefix', 'notexample-ai.com', '/'],
    ['dot suffix does not match the bare domain', 'openai.azure.com', '/'],
    ['dash suffix needs the dash', 'aiplatform.googleapis.com', '/'],
    ['path prefix must end at a separator', 'github.com', '/copilotx'],
    ['other path on the non-AI host', 'github.com', '/deepseek-ai/repo'],
    ['wildcard pattern needs a subdomain', 'console.cloud.example', '/ai'],
    ['host pattern is anchored', 'xruntime.us.cloud.example.org', '/'],
  ])('%s does not match', (_name, host, path) => {
    expect(index.lookup(host, path)).toBeNull();
  });

  it('reports which entry matched', () => {
    expect(index.lookup('eu.chat.example-ai.com', '/')).toMatchObject({
      kind: 'host',
      pattern: 'chat.example-ai.com',
    });
    expect(index.lookup('github.com', '/copilot')).toMatchObject({
      kind: 'url-pattern',
      pattern: 'github.com/copilot',
    });
  });
});

describe('pathHasPrefix', () => {
  it.each([
    ['/chat', '/chat', true],
    ['/chat/', '/chat', true],
    ['/chat#x', '/chat', true],
    ['/?ia=chat&x=1', '/?ia=chat', true],
    ['/chatty', '/chat', false],
    ['/cha', '/chat', false],
    ['/chat/x', '/chat/', true],
  ])('%s with prefix %s → %s', (path, prefix, expected) => {
    expect(pathHasPrefix(path, prefix)).toBe(expected);
  });
});
