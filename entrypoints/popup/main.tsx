// The admin popup: renders components with data from lib/browser adapters.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ForwardingStatus } from '../../components/forwarding-status';
import type { ForwardingStatus as Status } from '../../lib/forward/forward-state';
import { IdbOutbox } from '../../lib/browser/outbox-store';
import { watchForwardingStatus } from '../../lib/browser/watch-forwarding-status';

const outbox = new IdbOutbox();

function Popup() {
  const [status, setStatus] = useState<Status | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(
    () =>
      watchForwardingStatus(outbox, (next) => {
        setStatus(next);
        setNow(Date.now());
      }),
    [],
  );
  return (
    <>
      <h1>Gatehouse</h1>
      <ForwardingStatus status={status} now={now} />
    </>
  );
}

render(<Popup />, document.getElementById('app')!);
