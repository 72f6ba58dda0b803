// What the log may keep of a location: the host only, unless the policy's logging.fullUrls allows the URL
// (without the parameters prompts travel in, unless logging.keepPromptParameters keeps them too).
import type { LogEvent } from './event-schema';
import { stripPromptParameters } from './prompt-parameters';

export interface LoggingPrivacy {
  fullUrls: boolean;
  keepPromptParameters?: boolean;
}

/** Reduces "host/path?query" or a URL someone put in `host` to the bare host name. */
export function bareHost(host: string): string {
  const withoutScheme = host.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const end = withoutScheme.search(/[/?#]/);
  const authority = end === -1 ? withoutScheme : withoutScheme.slice(0, end);
  return authority.replace(/^[^@]*@/, '').toLowerCase();
}

export function applyLoggingPrivacy(event: LogEvent, privacy: LoggingPrivacy): LogEvent {
  const host = event.host === null ? null : bareHost(event.host);
  if (privacy.fullUrls) {
    if (event.url === undefined || privacy.keepPromptParameters) return { ...event, host };
    return { ...event, host, url: stripPromptParameters(event.url) };
  }
  const { url: _url, ...rest } = event;
  return { ...rest, host } as LogEvent;
}
