// The admin key lives in sessionStorage only: it is gone when the tab closes, and other tabs never see it.
const KEY = 'policyStudio.adminKey';

export function storedKey() {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeKey(key) {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY);
}
