// SPDX-License-Identifier: MIT
import { useEffect, useState } from 'react';
import { todayText } from '@/lib/local-date';

/**
 * Today's date (YYYY-MM-DD, local), which changes at midnight: Today and Upcoming move on by
 * themselves when the window stays open overnight.
 */
export function useToday(): string {
  const [today, setToday] = useState(() => todayText(new Date()));
  useEffect(() => {
    // Checked each minute rather than timed to midnight: a suspended machine wakes at any time.
    const timer = setInterval(() => setToday(todayText(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}
