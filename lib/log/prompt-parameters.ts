// Query parameters that carry what the user typed into an AI service: chatgpt.com/?q=, claude.ai/new?q=,
// perplexity.ai/search?q=, copilot.microsoft.com/?q=, grok.com/?q=, chat.mistral.ai/chat?q=,
// kagi.com/assistant?q=, duckduckgo.com/?q=…&ia=chat, huggingface.co/chat/?prompt=, and the like.
export const promptParameters = [
  'q',
  'query',
  'prompt',
  'text',
  'message',
  'msg',
  'input',
  'question',
  'ask',
  'search',
] as const;

const prompt = new Set<string>(promptParameters);

/** The URL without its prompt parameters, in the query or a query-like fragment; the rest byte for byte. */
export function stripPromptParameters(url: string): string {
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const question = beforeHash.indexOf('?');
  const base = question < 0 ? beforeHash : beforeHash.slice(0, question);
  return (
    base +
    withoutPrompts(question < 0 ? null : beforeHash.slice(question + 1), '?') +
    withoutPrompts(hash < 0 ? null : url.slice(hash + 1), '#')
  );
}

function withoutPrompts(params: string | null, mark: string): string {
  if (params === null) return '';
  const kept = params.split('&').filter((param) => !prompt.has(parameterName(param)));
  return kept.length ? mark + kept.join('&') : '';
}

/** "%71=…" and "Q=…" name q too: servers decode names, and compare them however they like. */
function parameterName(param: string): string {
  const equals = param.indexOf('=');
  const raw = (equals < 0 ? param : param.slice(0, equals)).replaceAll('+', ' ');
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}
