// The link to the server as people see it, one banner per page (#conn): nothing while the live
// stream is up; "Menghubungkan…" when the first connection takes more than 1.5 s (no flash on a
// quick start); "Menyambung ulang…" while it reconnects. The text follows the language.
//
// const conn = connectionBanner($('#conn')); new LiveStream({..., onState: conn.set})
//   conn.state: the last state given ('connecting' | 'live' | 'reconnecting' | 'stopped' | null)
import { show } from './dom.js';
import { t, onLangChange } from './i18n.js';

const SLOW_CONNECT_MS = 1500;

export function connectionBanner(box) {
  let state = null;
  let timer = null;

  function render(visible) {
    box.textContent = state === 'connecting' ? t('conn.connecting') : t('conn.reconnecting');
    show(box, visible);
  }

  onLangChange(() => {
    if (!box.hidden) render(true);
  });

  const banner = {
    get state() { return state; },
    set(s) {
      state = s;
      clearTimeout(timer);
      if (s === 'reconnecting') render(true);
      else if (s === 'connecting') timer = setTimeout(() => render(true), SLOW_CONNECT_MS);
      else show(box, false);
    },
  };
  banner.set = banner.set.bind(banner);
  return banner;
}
