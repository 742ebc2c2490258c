// SPDX-License-Identifier: MIT
// Says so while a shared database's server cannot be reached: nothing can be saved then, and
// Quire reconnects by itself (app/database_thread.cpp); once it is back the banner goes and the
// lists load again (app/use-backend-sync.ts).
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { onConnectionChanged } from '@/ipc/events';

export function ConnectionBanner() {
  const [lost, setLost] = useState<string | null>(null);
  const wasLost = useRef(false);
  useEffect(
    () =>
      onConnectionChanged(({ connected, message }) => {
        if (connected && wasLost.current) toast.success('Connected to the database server again');
        wasLost.current = !connected;
        setLost(connected ? null : (message ?? 'the database server cannot be reached'));
      }),
    [],
  );
  if (lost === null) return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      <strong>The database server cannot be reached.</strong> Changes cannot be saved until it is back; Quire keeps
      trying to reconnect.
      <span className="connection-banner-detail">Last error: {lost}</span>
    </div>
  );
}
