// SPDX-License-Identifier: MIT
// A large list does not come through the channel when the call sets replyByUrl: the backend keeps
// its data and answers {ok: true, dataUrl}, and the page fetches it from that URL, once. The
// channel would carry it as a JSON string inside its own JSON message, escaped, copied through
// Chromium and parsed twice (app/reply_store.h has the figures). fetch() cannot read the app's
// scheme on Qt 6.4; XMLHttpRequest can.
import { IpcError } from '@/ipc/errors';

/** A fetch under way: its data, and a way to stop it when the call is given up. */
export interface ReplyFetch {
  data: Promise<unknown>;
  abort: () => void;
}

/** Fetches and parses the JSON kept at `url` for a call of `command`. */
export function fetchReply(url: string, command: string): ReplyFetch {
  const request = new XMLHttpRequest();
  const data = new Promise<unknown>((resolve, reject) => {
    const lost = () => reject(new IpcError('internal', 'The reply was lost before the page could read it', command));
    request.open('GET', url);
    request.responseType = 'json';
    request.onload = () => {
      // responseType 'json' gives null for text that is not JSON.
      if (request.status === 200 && request.response !== null) resolve(request.response);
      else lost();
    };
    request.onerror = lost;
    request.send();
  });
  return { data, abort: () => request.abort() };
}
