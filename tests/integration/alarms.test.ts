import { describe, expect, it, vi } from 'vitest';
import { alarmNamed, createAlarmListener, type AlarmRoute } from '../../lib/background/alarms';

const alarm = (name: string) => ({ name, scheduledTime: 0 });

describe('createAlarmListener', () => {
  it('hands each alarm to the route that owns it, and only that one', async () => {
    const ran: string[] = [];
    const routes: AlarmRoute[] = [
      { matches: (name) => name.startsWith('grant:'), run: async (a) => void ran.push(`grant ${a.name}`) },
      alarmNamed('retention', async () => void ran.push('retention')),
    ];
    const listener = createAlarmListener(routes, () => undefined);
    await listener(alarm('grant:3:7'));
    await listener(alarm('retention'));
    expect(listener(alarm('somebody-else'))).toBeUndefined();
    expect(ran).toEqual(['grant grant:3:7', 'retention']);
  });

  it('reports a failing route and keeps dispatching the next alarms', async () => {
    const onError = vi.fn();
    const listener = createAlarmListener(
      [alarmNamed('broken', async () => Promise.reject(new Error('boom'))), alarmNamed('ok', async () => 1)],
      onError,
    );
    await listener(alarm('broken'));
    await listener(alarm('ok'));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith('broken', new Error('boom'));
  });
});
