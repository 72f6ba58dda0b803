import { describe, expect, it } from 'vitest';
import { messageHandlers } from '../../lib/browser/message-router';
import { messageSchema } from '../../lib/messages';
import { fakeDnr } from './fake-dnr';

describe('message contract', () => {
  it('has exactly one handler for every message type', () => {
    const types = messageSchema.options.map((option) => option.shape.type.value).sort();
    expect(Object.keys(messageHandlers(fakeDnr())).sort()).toEqual(types);
  });
});
