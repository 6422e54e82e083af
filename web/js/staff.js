// Signing staff in and out on /present and /dashboard: the login form, the token kept in
// localStorage ("bimtek.staff", shared by both pages), and the API bound to it.
import { $, show } from './dom.js';
import { createApi, tokenStore } from './api.js';
import { t, errorText, addStrings } from './i18n.js';

addStrings({
  'staff.wrong_role': 'Akun ini tidak dapat membuka halaman ini.',
  'staff.fill_both': 'Isi nama pengguna dan kata sandi.',
}, {
  'staff.wrong_role': 'This account cannot open this page.',
  'staff.fill_both': 'Enter the username and the password.',
});

const store = tokenStore('bimtek.staff');

// staffAuth({roles, onSignedIn(user), onSignedOut()}) -> {api, user(), signOut()}
// The page has #login-view with #login-form (#username, #password, #login-error),
// #app-view, #logout and #who.
export function staffAuth({ roles, onSignedIn, onSignedOut }) {
  let auth = store.load();
  const api = createApi(() => (auth ? auth.token : null), { onUnauthorized: () => signOut(true) });

  function showLogin(message) {
    show($('#login-view'), true);
    show($('#app-view'), false);
    show($('#logout'), false);
    show($('#loading'), false);
    $('#who').textContent = '';
    $('#login-error').textContent = message || '';
    $('#username').focus();
  }

  function signOut(expired) {
    auth = null;
    store.clear();
    if (onSignedOut) onSignedOut();
    showLogin(expired ? t('err.invalid_token') : '');
  }

  function enter() {
    if (!roles.includes(auth.user.role)) {
      const message = t('staff.wrong_role');
      auth = null;
      store.clear();
      showLogin(message);
      return;
    }
    show($('#login-view'), false);
    show($('#app-view'), true);
    show($('#logout'), true);
    show($('#loading'), false);
    $('#who').textContent = auth.user.display_name || auth.user.username;
    onSignedIn(auth.user);
  }

  $('#login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const username = $('#username').value.trim();
    const password = $('#password').value;
    const error = $('#login-error');
    if (!username || !password) {
      error.textContent = t('staff.fill_both');
      return;
    }
    const button = ev.submitter || $('#login-form button[type=submit]');
    button.disabled = true;
    error.textContent = '';
    try {
      const res = await api.post('/login', { username, password });
      auth = { token: res.token, expires_at: res.expires_at, user: res.user };
      store.save(auth);
      $('#password').value = '';
      enter();
    } catch (e) {
      error.textContent = errorText(e);
      $('#password').focus();
    } finally {
      button.disabled = false;
    }
  });

  $('#logout').addEventListener('click', async () => {
    try { await api.post('/logout'); } catch (_) { /* gone anyway */ }
    signOut(false);
  });

  return {
    api,
    token: () => (auth ? auth.token : null),
    user: () => (auth ? auth.user : null),
    signOut,
    start() {
      if (auth && auth.user) enter();
      else showLogin('');
    },
  };
}
